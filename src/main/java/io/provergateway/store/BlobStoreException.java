package io.provergateway.store;

/** A failed object-store operation; {@link #retriable()} says whether trying again may help. */
public class BlobStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean retriable;

    public BlobStoreException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
