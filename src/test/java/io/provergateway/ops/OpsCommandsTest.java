package io.provergateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.ProofGenerator;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.store.FileBlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.wire.L1BatchProof;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.ProofGenerationData;
import io.provergateway.wire.ProofGenerationDataJson;
import io.provergateway.wire.ProtocolVersion;
import io.provergateway.wire.SubmitProofRequest;
import io.provergateway.wire.WitnessInputCodec;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** status, requeue-proof and inspect against a real PostgreSQL holding rows in every state, and a FileBacked store. */
class OpsCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProtocolVersion VERSION = new ProtocolVersion(28, 0);

    @TempDir
    static Path dir;

    private static TestDatabase database;
    private static JobRows rows;
    private static L1BatchProof proof2;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeAll
    static void rowsInEveryState() throws Exception {
        database = TestPostgres.freshDatabase();
        rows = new JobRows(database.dataSource())
                .witness(1, "successful", 900).witness(2, "successful", 800).witness(3, "successful", 700)
                .witness(4, "in_progress", 600).witness(5, "queued", 500).witness(6, "failed", 400)
                .witness(7, "skipped", 300).witness(8, "queued", 5)
                .compression(1, "sent_to_server", 850).compression(2, "successful", 750)
                .compression(3, "skipped", 650).compression(4, "queued", 550).compression(5, "in_progress", 450)
                .compression(6, "failed", 350);
        FileBlobStore store = new FileBlobStore(dir.resolve("store"));
        proof2 = new ProofGenerator(3).generate(2, VERSION);
        Path file = dir.resolve("proof.bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            ProofCodec.writeBincode(proof2, out);
        }
        store.put(ObjectKeys.PROOFS_FRI, ObjectKeys.l1BatchProof(2, VERSION), file);
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("FRI_PROVER_GATEWAY_API_URL", "http://127.0.0.1:9");
        env.put("PROVER_OBJECT_STORE_MODE", "FileBacked");
        env.put("PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH", dir.resolve("store").toString());
        env.put("PROVER_OBJECT_STORE_MAX_RETRIES", "1");
        env.put("DATABASE_PROVER_URL", database.rustUrl());
        return env;
    }

    private int run(Object command, String... args) {
        return new CommandLine(command).execute(args);
    }

    private PrintStream out() {
        return new PrintStream(stdout, true, StandardCharsets.UTF_8);
    }

    private PrintStream err() {
        return new PrintStream(stderr, true, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statusJson_isOneObject_withCountsForEveryStatus_theOldestUnsentProof_andTheNewestBatchesFirst()
            throws Exception {
        int exit = run(new StatusCommand(env(), out(), err()), "--json", "--last", "3");

        assertThat(exit).as(stderr()).isZero();
        assertThat(stdout().strip().lines()).hasSize(1);
        JsonNode status = JSON.readTree(stdout());
        assertThat(status.fieldNames()).toIterable().containsExactly("witness_inputs_fri",
                "proof_compression_jobs_fri", "oldest_unsent_proof", "batches");
        assertThat(status.get("witness_inputs_fri").toString()).isEqualTo(
                "{\"queued\":2,\"in_progress\":1,\"successful\":3,\"failed\":1,\"skipped\":1}");
        assertThat(status.get("proof_compression_jobs_fri").toString()).isEqualTo("{\"queued\":1,\"in_progress\":1,"
                + "\"successful\":1,\"failed\":1,\"sent_to_server\":1,\"skipped\":1}");
        JsonNode oldest = status.get("oldest_unsent_proof");
        assertThat(oldest.get("l1_batch_number").asLong()).isEqualTo(2);
        assertThat(oldest.get("status").asText()).isEqualTo("successful");
        assertThat(oldest.get("age_seconds").asDouble()).isBetween(749.0, 900.0);
        JsonNode batches = status.get("batches");
        assertThat(batches).hasSize(3);
        assertThat(batches.get(0).toString()).startsWith("{\"l1_batch_number\":8,\"protocol_version\":\"0.28.0\","
                + "\"witness_status\":\"queued\",\"compression_status\":null,\"attempts\":0,\"updated_at\":\"");
        assertThat(batches.get(1).get("l1_batch_number").asLong()).isEqualTo(7);
        assertThat(batches.get(2).get("compression_status").asText()).isEqualTo("failed");
        assertThat(batches.get(2).get("attempts").asInt()).isEqualTo(2);
        assertThat(java.time.OffsetDateTime.parse(batches.get(2).get("updated_at").asText()))
                .isBefore(java.time.OffsetDateTime.now().minusSeconds(340));
    }

    @Test
    void statusText_listsCountsTheOldestUnsentProofAndTheBatches() {
        int exit = run(new StatusCommand(env(), out(), err()), "--last", "20");

        assertThat(exit).as(stderr()).isZero();
        assertThat(stdout()).contains("witness_inputs_fri: queued=2 in_progress=1 successful=3 failed=1 skipped=1")
                .contains("proof_compression_jobs_fri: queued=1 in_progress=1 successful=1 failed=1 sent_to_server=1"
                        + " skipped=1")
                .contains("oldest unsent proof: batch 2 (successful), waiting ");
        assertThat(stdout().lines().filter(l -> l.matches("^[0-9]+ .*"))).hasSize(8);
    }

    @Test
    void requeueProof_movesSentToServerBackToSuccessful_andRefusesAnyOtherStateNamingIt() throws Exception {
        rows.compression(20, "sent_to_server", 10);
        try {
            requeueCases();
        } finally {
            rows.execute("DELETE FROM proof_compression_jobs_fri WHERE l1_batch_number = 20");
        }
    }

    @Test
    void requeueProof_ofASkippedBatch_putsItBackToSkipped_notToSuccessfulWithoutABlob() throws Exception {
        rows.compression(21, "sent_to_server", 10);
        rows.execute("UPDATE proof_compression_jobs_fri SET l1_proof_blob_url = NULL WHERE l1_batch_number = 21");
        try {
            assertThat(run(new RequeueProofCommand(env(), out(), err()), "21")).as(stderr()).isZero();
            assertThat(status(21)).isEqualTo("skipped");
            assertThat(stdout()).contains("sent_to_server -> skipped").contains("SkippedProofGeneration");
        } finally {
            rows.execute("DELETE FROM proof_compression_jobs_fri WHERE l1_batch_number = 21");
        }
    }

    @Test
    void requeueProof_refusesTheProverClusterProfile_whoseRowsArePerChain() throws Exception {
        Map<String, String> push = env();
        push.put("FRI_PROVER_GATEWAY_API_MODE", "ProverCluster");
        push.put("FRI_PROVER_GATEWAY_PORT", "3320");

        assertThat(run(new RequeueProofCommand(push, out(), err()), "1")).isEqualTo(1);

        assertThat(stderr()).contains("ProverCluster needs no requeue").contains("nothing changed");
        assertThat(status(1)).isEqualTo("sent_to_server");
    }

    private void requeueCases() throws Exception {
        assertThat(run(new RequeueProofCommand(env(), out(), err()), "20")).as(stderr()).isZero();
        assertThat(status(20)).isEqualTo("successful");

        assertThat(run(new RequeueProofCommand(env(), out(), err()), "20")).isEqualTo(1);
        assertThat(stderr()).contains("batch 20 is in state successful, not sent_to_server");
        assertThat(run(new RequeueProofCommand(env(), out(), err()), "4")).isEqualTo(1);
        assertThat(stderr()).contains("batch 4 is in state queued");
        assertThat(status(4)).isEqualTo("queued");
        assertThat(run(new RequeueProofCommand(env(), out(), err()), "999")).isEqualTo(1);
        assertThat(stderr()).contains("batch 999 has no proof_compression_jobs_fri row");
    }

    @Test
    void inspectProof_printsTheSubmitBody_forAProofAndASkippedRow_andNamesTheMissingKey() {
        assertThat(run(new InspectProofCommand(env(), out(), err()), "2")).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo(new String(ProofCodec.submitRequestJson(new SubmitProofRequest.Proof(proof2)),
                StandardCharsets.UTF_8) + System.lineSeparator());

        stdout.reset();
        assertThat(run(new InspectProofCommand(env(), out(), err()), "3")).as(stderr()).isZero();
        assertThat(stdout().strip()).isEqualTo("\"SkippedProofGeneration\"");

        assertThat(run(new InspectProofCommand(env(), out(), err()), "1")).isEqualTo(1);
        assertThat(stderr()).contains("proofs_fri/l1_batch_proof_1_0_28_0.bin not found");
        assertThat(run(new InspectProofCommand(env(), out(), err()), "5")).isEqualTo(1);
        assertThat(stderr()).contains("batch 5 is in state in_progress");
    }

    @Test
    void inspectWitness_printsExactlyTheWitnessInputDataJsonTheCoreServed_andNamesAMissingKey() throws Exception {
        for (CommitmentMode mode : CommitmentMode.values()) {
            long batch = 40 + mode.ordinal();
            ProofGenerationData data = new WitnessDataGenerator(11, mode).generate(batch);
            Path blob = dir.resolve("witness.bin");
            try (OutputStream out = Files.newOutputStream(blob)) {
                WitnessInputCodec.writeBincode(data.witnessInputData(), out);
            }
            new FileBlobStore(dir.resolve("store")).put(ObjectKeys.WITNESS_INPUTS, ObjectKeys.witnessInputs(batch), blob);
            stdout.reset();

            assertThat(run(new InspectWitnessCommand(env(), out(), err()), Long.toString(batch))).as(stderr()).isZero();
            assertThat(stdout()).isEqualTo(servedWitnessJson(data) + "\n");
        }
        assertThat(run(new InspectWitnessCommand(env(), out(), err()), "77")).isEqualTo(1);
        assertThat(stderr()).contains("witness_inputs/witness_inputs_77.bin not found");
    }

    /** The {@code witness_input_data} value of the {@code {"Success":…}} body the core sends for {@code data}. */
    static String servedWitnessJson(ProofGenerationData data) {
        ByteArrayOutputStream served = new ByteArrayOutputStream();
        ProofGenerationDataJson.writeResponse(Optional.of(data), served);
        String body = served.toString(StandardCharsets.UTF_8);
        String start = "\"witness_input_data\":";
        return body.substring(body.indexOf(start) + start.length(), body.lastIndexOf(",\"protocol_version\":\"0."));
    }

    private static String status(long batch) throws Exception {
        try (var connection = database.dataSource().getConnection();
                var statement = connection.prepareStatement(
                        "SELECT status FROM proof_compression_jobs_fri WHERE l1_batch_number = ?")) {
            statement.setLong(1, batch);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }
}
