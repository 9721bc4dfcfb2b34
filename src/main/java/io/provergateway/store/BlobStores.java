package io.provergateway.store;

import io.provergateway.config.ObjectStoreConfig;
import io.provergateway.metrics.GatewayMetrics;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the object store for a configuration (upstream {@code ObjectStoreFactory}): backend, retries, metrics. */
public final class BlobStores {
    /** Temp files older than this cannot belong to a write in progress. */
    static final Duration STALE_TEMP_AGE = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(BlobStores.class);

    private BlobStores() {}

    /**
     * {@code FileBacked} gives {@code Metered(Retrying(File))}; metrics therefore include the time spent retrying.
     * The GCS modes are not supported by this build yet and fail with a non-retriable {@link BlobStoreException}.
     */
    public static BlobStore create(ObjectStoreConfig config, GatewayMetrics metrics) {
        BlobStore backend = switch (config.mode()) {
            case FileBacked -> fileBacked(config);
            case GCS, GCSWithCredentialFile, GCSAnonymousReadOnly -> throw new BlobStoreException(
                    "GCS object store is not supported yet by this build (mode " + config.mode()
                            + "); use mode FileBacked", false, null);
        };
        return new MeteredBlobStore(new RetryingBlobStore(backend, config.maxRetries()), metrics);
    }

    private static BlobStore fileBacked(ObjectStoreConfig config) {
        Path base = config.fileBackedBasePath().orElseThrow(() -> new IllegalArgumentException(
                "object store mode FileBacked needs file_backed_base_path (PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH)"));
        config.localMirrorPath().ifPresent(mirror -> LOG.warn(
                "object_store_mirror_ignored mode=FileBacked local_mirror_path={} (mirroring applies to GCS modes only)",
                mirror));
        FileBlobStore store = new FileBlobStore(base);
        int removed = store.removeStaleTempFiles(ObjectKeys.WITNESS_INPUTS, STALE_TEMP_AGE);
        if (removed > 0) {
            LOG.warn("object_store_temp_files_removed bucket={} count={} (left by an interrupted write)",
                    ObjectKeys.WITNESS_INPUTS, removed);
        }
        return store;
    }
}
