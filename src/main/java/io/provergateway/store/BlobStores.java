package io.provergateway.store;

import io.provergateway.config.ObjectStoreConfig;
import io.provergateway.metrics.GatewayMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the object store for a configuration (upstream {@code ObjectStoreFactory}):
 * {@code Metered(Mirroring?(Retrying(backend)))}. Metrics therefore include the time spent retrying; the mirror
 * (remote modes with {@code local_mirror_path}) answers reads without touching the remote store. Building a remote
 * store reads its credentials but makes no network call, so it fails fast on bad settings.
 */
public final class BlobStores {
    /** Temp files older than this cannot belong to a write in progress. */
    static final Duration STALE_TEMP_AGE = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(BlobStores.class);

    private BlobStores() {}

    /** With the process environment, default timeouts and plain sleeps between retries. */
    public static BlobStore create(ObjectStoreConfig config, GatewayMetrics metrics) {
        return create(config, metrics, RetryingBlobStore.Sleeper.SYSTEM);
    }

    /** {@code sleeper} waits between retries; pass one that ends at the stop signal. */
    public static BlobStore create(ObjectStoreConfig config, GatewayMetrics metrics, RetryingBlobStore.Sleeper sleeper) {
        return create(config, metrics, sleeper, System.getenv(), StoreTimeouts.DEFAULT);
    }

    /** {@code env} supplies the ambient settings ({@code STORAGE_EMULATOR_HOST}, Google and AWS variables). */
    public static BlobStore create(ObjectStoreConfig config, GatewayMetrics metrics, RetryingBlobStore.Sleeper sleeper,
            Map<String, String> env, StoreTimeouts timeouts) {
        return create(config, metrics, sleeper, RetryingBlobStore.Rule.upstream(
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble(0.8, 1.2)), env, timeouts);
    }

    /** {@code rule} decides which failures are retried and the pauses (the gateway's failure policy). */
    public static BlobStore create(ObjectStoreConfig config, GatewayMetrics metrics, RetryingBlobStore.Sleeper sleeper,
            RetryingBlobStore.Rule rule, Map<String, String> env, StoreTimeouts timeouts) {
        BlobStore backend = backend(config, env, timeouts);
        BlobStore store = new RetryingBlobStore(backend, config.maxRetries(), sleeper, rule);
        if (config.mode() != ObjectStoreConfig.Mode.FileBacked && config.localMirrorPath().isPresent()) {
            Path mirror = config.localMirrorPath().get();
            LOG.info("object_store_mirror path={}", mirror);
            store = new MirroringBlobStore(store, new FileBlobStore(mirror));
        }
        return new MeteredBlobStore(store, metrics);
    }

    private static BlobStore backend(ObjectStoreConfig config, Map<String, String> env, StoreTimeouts timeouts) {
        return switch (config.mode()) {
            case FileBacked -> fileBacked(config);
            case GCS, GCSWithCredentialFile, GCSAnonymousReadOnly ->
                    new GcsBlobStore(GcsClients.create(config, env, timeouts), bucketName(config));
            case S3WithCredentialFile, S3AnonymousReadOnly ->
                    new S3BlobStore(S3Clients.create(config, env, timeouts), bucketName(config));
        };
    }

    private static String bucketName(ObjectStoreConfig config) {
        return config.bucketBaseUrl().orElseThrow(() -> new IllegalArgumentException(
                "object store mode " + config.mode() + " needs bucket_base_url (PROVER_OBJECT_STORE_BUCKET_BASE_URL)"));
    }

    private static BlobStore fileBacked(ObjectStoreConfig config) {
        Path base = config.fileBackedBasePath().orElseThrow(() -> new IllegalArgumentException(
                "object store mode FileBacked needs file_backed_base_path (PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH)"));
        config.localMirrorPath().ifPresent(mirror -> LOG.warn(
                "object_store_mirror_ignored mode=FileBacked local_mirror_path={} (mirroring applies to remote modes only)",
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
