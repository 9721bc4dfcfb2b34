package io.provergateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.Gateway;
import io.provergateway.config.PushServerConfig;
import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.PushProofs;
import io.provergateway.devnet.PushRequestJson;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.testsupport.ChainIdSchema;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.wire.ProofGenerationData;
import io.provergateway.wire.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code inspect proof} and {@code inspect witness} in the ProverCluster profile, beside the real push gateway. */
class InspectProverClusterTest {
    private static final ProtocolVersion VERSION = new ProtocolVersion(28, 0);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;

    private static TestDatabase database;
    private static Gateway gateway;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        database = ChainIdSchema.freshDatabase();
        gateway = Gateway.start(OpsConfig.of("http://127.0.0.1:9", database.databaseConfig(2), dir,
                Duration.ofSeconds(30)).withPushServer(new PushServerConfig("127.0.0.1", 0, 64L << 20)));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("FRI_PROVER_GATEWAY_API_MODE", "ProverCluster");
        env.put("FRI_PROVER_GATEWAY_PORT", "3320");
        env.put("FRI_PROVER_GATEWAY_API_URL", "http://127.0.0.1:9");
        env.put("PROVER_OBJECT_STORE_MODE", "FileBacked");
        env.put("PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH", dir.resolve("store").toString());
        env.put("PROVER_OBJECT_STORE_MAX_RETRIES", "1");
        env.put("DATABASE_PROVER_URL", database.rustUrl());
        return env;
    }

    private int run(boolean proof, String... args) {
        PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        Object command = proof ? new InspectProofCommand(env(), out, err) : new InspectWitnessCommand(env(), out, err);
        return new CommandLine(command).execute(args);
    }

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private static void blob(String bucket, String key, byte[] bytes) throws IOException {
        Path file = dir.resolve("store").resolve(bucket).resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static String poll(long chain, long batch) {
        return post("/poll_generated_proofs", "{\"l1_batch_id\":{\"chain_id\":" + chain + ",\"batch_number\":"
                + batch + "}}").body();
    }

    private static HttpResponse<String> post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.pushPort() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String status(long batch, long chain) {
        return ChainIdSchema.single(database.dataSource(), "SELECT status FROM proof_compression_jobs_fri"
                + " WHERE l1_batch_number = " + batch + " AND chain_id = " + chain).orElseThrow();
    }

    @Test
    void inspectProof_printsExactlyWhatThePollRouteServes_withoutMarkingTheRowSent() throws IOException {
        ChainIdSchema.compressionJob(database.dataSource(), 5, 270, "successful", 28, 0);
        blob("proofs_fri", "l1_batch_proof_5_270_0_28_0.cbor", new PushProofs(1).cbor(5, VERSION));

        assertThat(run(true, "--chain-id", "270", "5")).as(stderr()).isZero();
        assertThat(status(5, 270)).isEqualTo("successful");
        String served = poll(270, 5);

        assertThat(served).startsWith("{\"l1_batch_id\":{\"chain_id\":270,\"batch_number\":5},\"proof\":{");
        assertThat(stdout()).isEqualTo(served + System.lineSeparator());
        stdout.reset();
        assertThat(run(true, "--chain-id", "270", "5")).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo(served + System.lineSeparator());
    }

    @Test
    void inspectProof_fallsBackToTheChainlessKey_andDefaultsToChainZero() throws IOException {
        ChainIdSchema.compressionJob(database.dataSource(), 6, 0, "successful", 28, 0);
        blob("proofs_fri", "l1_batch_proof_6_0_28_0.cbor", new PushProofs(2).cbor(6, VERSION));

        assertThat(run(true, "6")).as(stderr()).isZero();

        assertThat(stdout()).isEqualTo(poll(0, 6) + System.lineSeparator());
        assertThat(stdout()).startsWith("{\"l1_batch_id\":{\"chain_id\":0,\"batch_number\":6},\"proof\":{");
    }

    @Test
    void inspectProof_namesBothMissingKeys_andAJobNotReady() {
        ChainIdSchema.compressionJob(database.dataSource(), 7, 270, "successful", 28, 0);
        ChainIdSchema.compressionJob(database.dataSource(), 8, 270, "in_progress", 28, 0);

        assertThat(run(true, "--chain-id", "270", "7")).isEqualTo(1);
        assertThat(stderr()).contains("proofs_fri/l1_batch_proof_7_270_0_28_0.cbor and"
                + " proofs_fri/l1_batch_proof_7_0_28_0.cbor not found in the object store");
        assertThat(run(true, "--chain-id", "270", "8")).isEqualTo(1);
        assertThat(stderr()).contains("batch 8 chain_id 270 has no successful or sent_to_server");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void inspectWitness_printsExactlyTheWitnessInputDataJsonThatWasPushed() {
        for (CommitmentMode mode : CommitmentMode.values()) {
            long batch = 20 + mode.ordinal();
            ProofGenerationData data = new WitnessDataGenerator(13, mode).generate(batch);
            HttpResponse<String> pushed = post("/submit_request_for_proofs",
                    new String(PushRequestJson.write(data, 270, Instant.parse("2026-06-30T08:15:02Z")),
                            StandardCharsets.UTF_8));
            assertThat(pushed.body()).isEqualTo("null");
            stdout.reset();

            assertThat(run(false, "--chain-id", "270", Long.toString(batch))).as(stderr()).isZero();
            assertThat(stdout()).isEqualTo(OpsCommandsTest.servedWitnessJson(data) + "\n");
        }
    }

    @Test
    void inspectWitness_namesTheChainIdKey_whenMissingOrNotCbor() throws IOException {
        blob("witness_inputs", "witness_inputs_9_270.cbor", new byte[] {(byte) 0xa1, 0x61, 'a', (byte) 0xf9, 0, 0});

        assertThat(run(false, "--chain-id", "270", "10")).isEqualTo(1);
        assertThat(stderr()).contains("witness_inputs/witness_inputs_10_270.cbor not found in the object store");
        assertThat(run(false, "--chain-id", "270", "9")).isEqualTo(1);
        assertThat(stderr()).contains("witness_inputs/witness_inputs_9_270.cbor is not a CBOR WitnessInputData");
        blob("witness_inputs", "witness_inputs_11_270.cbor", new byte[] {(byte) 0x82, 0x01});
        assertThat(run(false, "--chain-id", "270", "11")).isEqualTo(1);
        assertThat(stderr()).contains("witness_inputs/witness_inputs_11_270.cbor is not a CBOR WitnessInputData: CBOR"
                + " ends early at byte 2");
        assertThat(run(false, "9")).isEqualTo(1);
        assertThat(stderr()).contains("witness_inputs/witness_inputs_9_0.cbor not found");
    }
}
