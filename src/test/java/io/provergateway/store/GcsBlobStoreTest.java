package io.provergateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.provergateway.config.ConfigException;
import io.provergateway.config.ObjectStoreConfig;
import io.provergateway.config.ObjectStoreConfig.Mode;
import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.testsupport.FakeGcsServer;
import io.provergateway.testsupport.FakeGcsServer.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** GCS specifics: which failures are retried, the stall limit, and where mode {@code GCS} finds its credentials. */
class GcsBlobStoreTest {
    private static final String BUCKET = "via-prover-test";

    @TempDir
    Path dir;

    private FakeGcsServer gcs;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() {
        gcs = FakeGcsServer.start();
    }

    @AfterEach
    void stop() {
        gcs.close();
    }

    private BlobStore store(ObjectStoreConfig config, Map<String, String> env, StoreTimeouts timeouts) {
        Map<String, String> all = new HashMap<>(env);
        all.put("STORAGE_EMULATOR_HOST", gcs.url());
        return BlobStores.create(config, GatewayMetrics.NOOP, d -> sleeps.add(d), all, timeouts);
    }

    private BlobStore keyFileStore(StoreTimeouts timeouts) {
        Path key = gcs.auth().writeServiceAccountKey(dir.resolve("sa.json"));
        return store(new ObjectStoreConfig(Mode.GCSWithCredentialFile, Optional.of(BUCKET), Optional.of(key),
                Optional.empty(), 3, Optional.empty()), Map.of(), timeouts);
    }

    private static ObjectStoreConfig ambient() {
        return new ObjectStoreConfig(Mode.GCS, Optional.of(BUCKET), Optional.empty(), Optional.empty(), 0,
                Optional.empty());
    }

    private Path content() throws IOException {
        return Files.writeString(dir.resolve("c.bin"), "witness bytes");
    }

    private static String read(BlobStore store) throws IOException {
        try (InputStream in = store.open("witness_inputs", "witness_inputs_1.bin")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"JSON_503", "PLAIN_503", "JSON_429", "JSON_408"})
    void retriesTheUpstreamRetriableStatuses(Fault fault) throws IOException {
        try (BlobStore store = keyFileStore(StoreTimeouts.DEFAULT)) {
            gcs.failNext(fault, 1);
            store.put("witness_inputs", "witness_inputs_1.bin", content());
            gcs.failNext(fault, 1);

            assertThat(read(store)).isEqualTo("witness bytes");
        }
        assertThat(gcs.faultsHit()).isEqualTo(2);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void neverRetriesAForbiddenAnswer() throws IOException {
        Path content = content();
        try (BlobStore store = keyFileStore(StoreTimeouts.DEFAULT)) {
            gcs.failNext(Fault.JSON_403, 1);

            assertThatThrownBy(() -> store.put("witness_inputs", "witness_inputs_1.bin", content))
                    .isInstanceOfSatisfying(BlobStoreException.class, e -> assertThat(e.retriable()).isFalse())
                    .hasMessageContaining("HTTP 403");
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aStalledAttemptIsAbortedAfterTheStallLimit_andRetried() throws IOException {
        try (BlobStore store = keyFileStore(new StoreTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)))) {
            gcs.failNext(Fault.STALL, 1);
            store.put("witness_inputs", "witness_inputs_1.bin", content());

            assertThat(read(store)).isEqualTo("witness bytes");
        }
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void anUploadTheServerStopsReading_isAbortedAfterTheStallLimit_andRetried() throws Exception {
        Path large = dir.resolve("large.bin");
        BlobStoreContract.writeLarge(large, 20L * 1024 * 1024);
        try (BlobStore store = keyFileStore(new StoreTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)))) {
            gcs.passFirst(1); // the session start; the server then stops reading the first 16 MiB chunk
            gcs.failNext(Fault.STALL_UPLOAD, 1);
            // the fake holds the stalled socket for 60 s: only the stall limit can end this attempt in time
            assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> store.put("witness_inputs", "witness_inputs_9.bin", large));
        }
        assertThat(gcs.faultsHit()).isEqualTo(1);
        assertThat(sleeps).hasSize(1);
        byte[] expected = Files.readAllBytes(large);
        assertThat(gcs.object(BUCKET, "witness_inputs/witness_inputs_9.bin")).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(expected));
    }

    @Test
    void anUploadTheServerStopsReading_failsRetriably_whenNoRetryIsLeft() throws Exception {
        Path large = dir.resolve("large.bin");
        BlobStoreContract.writeLarge(large, 20L * 1024 * 1024);
        Path key = gcs.auth().writeServiceAccountKey(dir.resolve("sa.json"));
        try (BlobStore store = store(new ObjectStoreConfig(Mode.GCSWithCredentialFile, Optional.of(BUCKET),
                Optional.of(key), Optional.empty(), 0, Optional.empty()), Map.of(),
                new StoreTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)))) {
            gcs.passFirst(1);
            gcs.failNext(Fault.STALL_UPLOAD, 1);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                    () -> store.put("witness_inputs", "witness_inputs_9.bin", large))
                    .isInstanceOfSatisfying(BlobStoreException.class, e -> assertThat(e.retriable()).isTrue())
                    .hasMessageContaining("stall"));
        }
        assertThat(gcs.object(BUCKET, "witness_inputs/witness_inputs_9.bin")).isEmpty();
    }

    @Test
    void aKeyTheTokenEndpointRejects_isNotRetried_andNoSecretIsInTheError() throws Exception {
        Path forgedKey = gcs.auth().writeUnknownServiceAccountKey(dir.resolve("revoked.json"));
        String json = Files.readString(forgedKey);
        String privateKey = json.substring(json.indexOf("BEGIN PRIVATE KEY") + 30, json.indexOf("BEGIN PRIVATE KEY") + 90);
        Path content = content();
        try (BlobStore store = store(new ObjectStoreConfig(Mode.GCSWithCredentialFile, Optional.of(BUCKET),
                Optional.of(forgedKey), Optional.empty(), 3, Optional.empty()), Map.of(), StoreTimeouts.DEFAULT)) {
            assertThatThrownBy(() -> store.put("witness_inputs", "witness_inputs_1.bin", content))
                    .isInstanceOfSatisfying(BlobStoreException.class, e -> assertThat(e.retriable()).isFalse())
                    .hasMessageContaining("token")
                    .hasMessageNotContaining(privateKey);
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void modeGcs_takesGoogleApplicationCredentialsJson_asJsonOrBase64() throws IOException {
        String json = Files.readString(gcs.auth().writeServiceAccountKey(dir.resolve("sa.json")));
        for (String value : List.of(json, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)))) {
            try (BlobStore store = store(ambient(), Map.of("GOOGLE_APPLICATION_CREDENTIALS_JSON", value,
                    "GOOGLE_APPLICATION_CREDENTIALS", "/nonexistent/ignored.json"), StoreTimeouts.DEFAULT)) {
                store.put("witness_inputs", "witness_inputs_1.bin", content());
                assertThat(read(store)).isEqualTo("witness bytes");
            }
        }
    }

    @Test
    void modeGcs_takesTheKeyFileNamedByGoogleApplicationCredentials_thenTheGcloudFile() throws IOException {
        Path key = gcs.auth().writeServiceAccountKey(dir.resolve("sa.json"));
        try (BlobStore store = store(ambient(), Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString()),
                StoreTimeouts.DEFAULT)) {
            store.put("witness_inputs", "witness_inputs_1.bin", content());
        }
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".config/gcloud"));
        Files.copy(key, home.resolve(".config/gcloud/application_default_credentials.json"));
        try (BlobStore store = store(ambient(), Map.of("HOME", home.toString()), StoreTimeouts.DEFAULT)) {
            assertThat(read(store)).isEqualTo("witness bytes");
        }
    }

    @Test
    void modeGcs_rejectsAnInlineCredentialThatIsNotJson_withoutShowingIt() {
        assertThatThrownBy(() -> store(ambient(), Map.of("GOOGLE_APPLICATION_CREDENTIALS_JSON", "s3cr3t-not-json!"),
                StoreTimeouts.DEFAULT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS_JSON")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aResumableUploadFailingInItsLastChunk_leavesNoObject_andTheRetryStoresItWhole() throws Exception {
        Path large = dir.resolve("large.bin");
        BlobStoreContract.writeLarge(large, 20L * 1024 * 1024);
        try (BlobStore store = keyFileStore(StoreTimeouts.DEFAULT)) {
            gcs.passFirst(2); // the session start and the first 16 MiB chunk
            gcs.failNext(Fault.JSON_503, 1);
            store.put("witness_inputs", "witness_inputs_9.bin", large);
        }
        assertThat(gcs.faultsHit()).isEqualTo(1);
        assertThat(sleeps).hasSize(1);
        assertThat(gcs.object(BUCKET, "witness_inputs/witness_inputs_9.bin")).hasValueSatisfying(
                bytes -> assertThat(bytes).hasSize(20 * 1024 * 1024));
    }

    @Test
    void aResumableUploadThatGivesUp_leavesNoPartialObject() throws Exception {
        Path large = dir.resolve("large.bin");
        BlobStoreContract.writeLarge(large, 20L * 1024 * 1024);
        Path key = gcs.auth().writeServiceAccountKey(dir.resolve("sa.json"));
        try (BlobStore store = store(new ObjectStoreConfig(Mode.GCSWithCredentialFile, Optional.of(BUCKET),
                Optional.of(key), Optional.empty(), 0, Optional.empty()), Map.of(), StoreTimeouts.DEFAULT)) {
            gcs.passFirst(2);
            gcs.failNext(Fault.JSON_503, 1);
            assertThatThrownBy(() -> store.put("witness_inputs", "witness_inputs_9.bin", large))
                    .isInstanceOf(BlobStoreException.class);
        }
        assertThat(gcs.object(BUCKET, "witness_inputs/witness_inputs_9.bin")).isEmpty();
        assertThat(gcs.resumableChunks()).containsExactly(16L * 1024 * 1024);
    }
}
