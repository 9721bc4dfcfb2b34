package io.provergateway.store;

/** The object does not exist (upstream {@code KeyNotFound}); never retried by the store. */
public final class BlobNotFoundException extends BlobStoreException {
    private static final long serialVersionUID = 1L;

    public BlobNotFoundException(String bucket, String key, Throwable cause) {
        super("object not found: " + bucket + "/" + key, false, cause);
    }
}
