package io.provergateway.store;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * The object store port (upstream {@code ObjectStore}): objects addressed by bucket and key. Implementations throw
 * {@link BlobStoreException} (unchecked, classified retriable or not) and {@link BlobNotFoundException}.
 */
public interface BlobStore extends AutoCloseable {

    /**
     * Stores the whole content of {@code content} under {@code bucket/key}, replacing any existing object. Readers
     * never see a partial object under the final key. The caller does not change {@code content} afterwards (it may
     * delete it): a FileBacked store on the same file system links the file in instead of copying it.
     */
    void put(String bucket, String key, Path content);

    /** Opens the object for streaming; the caller closes the stream. Throws {@link BlobNotFoundException}. */
    InputStream open(String bucket, String key);

    /** Releases the client's connections; decorators close their delegate. No-op for stores that hold none. */
    @Override
    default void close() {}
}
