package io.provergateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.config.ObjectStoreConfig;
import io.provergateway.config.ObjectStoreConfig.Mode;
import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.ProverSimulator;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.store.BlobStore;
import io.provergateway.store.BlobStores;
import io.provergateway.store.ObjectKeys;
import io.provergateway.store.RetryingBlobStore;
import io.provergateway.store.StoreTimeouts;
import io.provergateway.testsupport.FakeGcsServer;
import io.provergateway.testsupport.S3ProxyServer;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.wire.WitnessInputCodec;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built gateway as a subprocess, configured only through the upstream env vars, moving batches from the core
 * simulator through a remote object store to the prover simulator and proofs back: on S3 (s3proxy) and on GCS (the
 * fake JSON-API server, mode {@code GCS} with metadata-server credentials). Plus the start-up refusals.
 */
class RemoteStoresIT {
    private static final int BATCHES = 3;
    private static final Duration FLOW_LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final List<AutoCloseable> owned = new ArrayList<>();
    private CoreSimulator core;

    @BeforeEach
    void startCore() {
        core = own(CoreSimulator.start(CoreSimulator.Settings.defaults().withMode(CommitmentMode.VALIDIUM)));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
    }

    @Test
    void s3_movesEveryBatchToTheProverAndEveryProofBackToTheCore() throws Exception {
        S3ProxyServer s3 = own(S3ProxyServer.start(dir.resolve("s3proxy")));
        s3.createBucket("via-prover");
        Path credentials = S3ProxyServer.writeCredentialsFile(dir.resolve("aws-credentials"));
        ObjectStoreConfig proverSide = S3ProxyServer.config(s3.endpoint(), "via-prover", credentials, 2);
        Map<String, String> gateway = Map.of("PROVER_OBJECT_STORE_MODE", "S3WithCredentialFile",
                "PROVER_OBJECT_STORE_BUCKET_BASE_URL", "via-prover",
                "PROVER_OBJECT_STORE_S3_CREDENTIAL_FILE_PATH", credentials.toString(),
                "PROVER_OBJECT_STORE_ENDPOINT", s3.endpoint().toString(),
                "PROVER_OBJECT_STORE_LOCAL_MIRROR_PATH", dir.resolve("mirror").toString());

        runFlow(proverSide, Map.of(), gateway, key -> {
            try (var client = s3.adminClient()) {
                return client.getObjectAsBytes(b -> b.bucket("via-prover").key(key)).asByteArray();
            }
        });
        assertThat(dir.resolve("mirror/witness_inputs/witness_inputs_1.bin")).isRegularFile();
    }

    @Test
    void gcs_withMetadataServerCredentials_movesEveryBatchAndProof() throws Exception {
        FakeGcsServer gcs = own(FakeGcsServer.start());
        Path key = gcs.auth().writeServiceAccountKey(dir.resolve("sa.json"));
        ObjectStoreConfig proverSide = new ObjectStoreConfig(Mode.GCSWithCredentialFile, Optional.of("via-prover"),
                Optional.of(key), Optional.empty(), 2, Optional.empty());
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> gateway = Map.of("PROVER_OBJECT_STORE_MODE", "GCS",
                "PROVER_OBJECT_STORE_BUCKET_BASE_URL", "via-prover",
                "STORAGE_EMULATOR_HOST", gcs.url(), "GCE_METADATA_HOST", gcs.hostPort(), "HOME", home.toString());

        runFlow(proverSide, Map.of("STORAGE_EMULATOR_HOST", gcs.url()), gateway,
                name -> gcs.object("via-prover", name).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GCSAnonymousReadOnly", "S3AnonymousReadOnly"})
    void readOnlyModes_areRefusedAtStartUp_withExit2AndOneLine(String mode) throws Exception {
        GatewayEnv env = env(GatewayEnv.unreachableDatabaseUrl())
                .set("PROVER_OBJECT_STORE_MODE", mode).set("PROVER_OBJECT_STORE_BUCKET_BASE_URL", "public-bucket");

        GatewayProcess gateway = start(env, "read-only-" + mode);

        assertThat(gateway.waitFor(Duration.ofSeconds(10))).as(gateway.output()).isEqualTo(2);
        assertThat(gateway.stderr().lines().filter(l -> !l.isBlank()).toList()).as(gateway.output())
                .singleElement().asString().contains(mode).contains("read-only");
    }

    @Test
    void aBrokenCredentialFile_isAConfigError_beforeTheDatabaseIsWaitedFor() throws Exception {
        Path key = Files.writeString(dir.resolve("sa.json"), "{\"type\":\"service_account\"}");
        GatewayEnv env = env(GatewayEnv.unreachableDatabaseUrl())
                .set("PROVER_OBJECT_STORE_MODE", "GCSWithCredentialFile")
                .set("PROVER_OBJECT_STORE_BUCKET_BASE_URL", "b")
                .set("PROVER_OBJECT_STORE_GCS_CREDENTIAL_FILE_PATH", key.toString());

        GatewayProcess gateway = start(env, "broken-key");

        assertThat(gateway.waitFor(Duration.ofSeconds(10))).as(gateway.output()).isEqualTo(2);
        assertThat(gateway.stderr()).contains("PROVER_OBJECT_STORE_GCS_CREDENTIAL_FILE_PATH", "client_email");
    }

    private void runFlow(ObjectStoreConfig proverSide, Map<String, String> proverEnv, Map<String, String> storeEnv,
            Function<String, byte[]> rawObject) throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        BlobStore proverStore = own(BlobStores.create(proverSide, GatewayMetrics.NOOP, RetryingBlobStore.Sleeper.SYSTEM,
                proverEnv, StoreTimeouts.DEFAULT));
        own(new ProverSimulator(database.dataSource(), proverStore, ProverSimulator.Settings.defaults()).start());
        List<Long> batches = core.addBatches(BATCHES);
        int metricsPort = GatewayEnv.freePort();
        GatewayEnv env = GatewayEnv.of(core.baseUrl().toString(), database.rustUrl(), dir.resolve("unused"),
                dir.resolve("spool"), metricsPort).remove("PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH");
        storeEnv.forEach(env::set);
        GatewayProcess gateway = start(env, "flow");

        await().atMost(FLOW_LIMIT).failFast(() -> !gateway.isAlive())
                .until(() -> batches.stream().allMatch(n -> core.acknowledgedCount(n) > 0));

        WitnessDataGenerator generator = new WitnessDataGenerator(CoreSimulator.Settings.defaults().seed(), CommitmentMode.VALIDIUM);
        for (long n : batches) {
            byte[] stored = rawObject.apply(ObjectKeys.WITNESS_INPUTS + "/" + ObjectKeys.witnessInputs(n));
            assertThat(WitnessInputCodec.readBincode(stored)).as("witness of batch %d", n)
                    .isEqualTo(generator.generate(n).witnessInputData());
            try (InputStream in = proverStore.open(ObjectKeys.WITNESS_INPUTS, ObjectKeys.witnessInputs(n))) {
                assertThat(in.readAllBytes()).isEqualTo(stored);
            }
        }
        String metrics = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("server_object_store_storing_time_count{bucket=\"witness_inputs\"}",
                "server_object_store_fetching_time_count{bucket=\"proofs_fri\"}");
        assertThat(gateway.terminate(Duration.ofSeconds(10))).as(gateway.output()).isZero();
    }

    private GatewayEnv env(String databaseUrl) {
        return GatewayEnv.of(core.baseUrl().toString(), databaseUrl, dir.resolve("store"), dir.resolve("spool"),
                GatewayEnv.freePort());
    }

    private GatewayProcess start(GatewayEnv env, String name) throws Exception {
        return own(GatewayProcess.start(env.toMap(), dir.resolve("work"), name));
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }
}
