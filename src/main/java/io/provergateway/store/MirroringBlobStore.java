package io.provergateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream {@code MirroringObjectStore} ({@code local_mirror_path}): reads try the local FileBacked mirror first and,
 * on a miss, stream the remote object into the mirror and serve it from there; writes go to the remote store, then
 * to the mirror. The remote store is the source of truth: a failed mirror write fails the put (as upstream), a
 * failed mirror read falls back to the remote object.
 */
public final class MirroringBlobStore implements BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(MirroringBlobStore.class);

    private final BlobStore remote;
    private final FileBlobStore mirror;

    public MirroringBlobStore(BlobStore remote, FileBlobStore mirror) {
        this.remote = remote;
        this.mirror = mirror;
    }

    @Override
    public void put(String bucket, String key, Path content) {
        remote.put(bucket, key, content);
        mirror.put(bucket, key, content);
    }

    @Override
    public InputStream open(String bucket, String key) {
        try {
            return mirror.open(bucket, key);
        } catch (BlobNotFoundException miss) {
            LOG.debug("object_store_mirror_miss bucket={} key={}", bucket, key);
        } catch (BlobStoreException e) {
            LOG.warn("object_store_mirror_unreadable bucket={} key={} error=\"{}\" (reading the remote store)",
                    bucket, key, e.getMessage());
            return remote.open(bucket, key);
        }
        fill(bucket, key);
        return mirror.open(bucket, key);
    }

    /** Streams the remote object to a hidden temp file next to the mirror's buckets, then stores it in the mirror. */
    private void fill(String bucket, String key) {
        Path temp;
        try {
            temp = Files.createTempFile(mirror.base(), ".mirror-fill-", ".tmp");
        } catch (IOException e) {
            throw new BlobStoreException("cannot create a temp file in the mirror " + mirror.base() + ": " + e, false, e);
        }
        try {
            try (InputStream in = remote.open(bucket, key)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new BlobStoreException("cannot read " + bucket + "/" + key + " from the remote store: " + e,
                        true, e);
            } catch (UncheckedIOException e) {
                throw new BlobStoreException("cannot read " + bucket + "/" + key + " from the remote store: "
                        + e.getCause(), true, e);
            }
            mirror.put(bucket, key, temp);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a hidden leftover; harmless
            }
        }
    }

    @Override
    public void close() {
        remote.close();
    }
}
