package io.provergateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.config.ObjectStoreConfig;
import io.provergateway.config.ObjectStoreConfig.Mode;
import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.testsupport.FakeGcsServer;
import io.provergateway.testsupport.FakeGcsServer.Fault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract on GCS: the real google-cloud-storage client (HTTP/JSON, {@code STORAGE_EMULATOR_HOST}) in mode
 * {@code GCSWithCredentialFile}, authenticating with a service-account key through the JWT-bearer flow, against
 * {@link FakeGcsServer}; faults are JSON 503s.
 */
class GcsBlobStoreContractTest extends BlobStoreContract {
    static final String GCS_BUCKET = "via-prover-test";

    FakeGcsServer gcs;

    @BeforeEach
    void startServer() {
        gcs = FakeGcsServer.start();
    }

    @AfterEach
    void stopServer() {
        gcs.close();
    }

    @Override
    BlobStore store(int maxRetries, RetryingBlobStore.Sleeper sleeper) {
        Path key = gcs.auth().writeServiceAccountKey(dir.resolve("sa.json"));
        ObjectStoreConfig config = new ObjectStoreConfig(Mode.GCSWithCredentialFile, Optional.of(GCS_BUCKET),
                Optional.of(key), Optional.empty(), maxRetries, Optional.empty());
        return BlobStores.create(config, GatewayMetrics.NOOP, sleeper, Map.of("STORAGE_EMULATOR_HOST", gcs.url()),
                StoreTimeouts.DEFAULT);
    }

    @Override
    void failNext(int count) {
        gcs.failNext(Fault.JSON_503, count);
    }

    @Override
    int faultsHit() {
        return gcs.faultsHit();
    }

    @Override
    byte[] rawObject(String objectName) {
        return gcs.object(GCS_BUCKET, objectName).orElse(null);
    }

    @Override
    void assertUploadedInParts(String objectName, long size) {
        List<Long> chunks = gcs.resumableChunks();
        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(c -> assertThat(c).isLessThanOrEqualTo(
                (long) GcsBlobStore.CHUNK_SIZE));
        assertThat(chunks.stream().mapToLong(Long::longValue).sum()).isEqualTo(size);
        assertThat(gcs.tokensIssued()).isPositive();
    }
}
