package io.provergateway.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.store.FileBlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.wire.L1BatchProof;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.ProtocolVersion;
import io.provergateway.wire.WitnessInputCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProverSimulatorTest {
    private static final ProtocolVersion VERSION = WitnessDataGenerator.PROTOCOL_VERSION;
    private static final long SEED = 5;

    @TempDir
    Path dir;
    private TestDatabase db;
    private FileBlobStore store;

    @BeforeEach
    void setUp() throws SQLException {
        db = TestPostgres.freshDatabase();
        store = new FileBlobStore(dir.resolve("store"));
        execute("INSERT INTO prover_fri_protocol_versions (id, snark_wrapper_vk_hash, created_at, protocol_version_patch)"
                + " VALUES (28, '\\x00', NOW(), 0)");
    }

    @Test
    void provesTheLowestQueuedBatch_likeTheRealPipeline() throws Exception {
        queueWithWitness(2);
        queueWithWitness(1);
        ProverSimulator prover = prover(0);

        assertThat(prover.runOnce()).isTrue();

        assertThat(query("SELECT status || '/' || attempts || '/' || picked_by FROM witness_inputs_fri"
                + " WHERE l1_batch_number = 1")).isEqualTo("successful/1/prover-sim");
        assertThat(query("SELECT status FROM witness_inputs_fri WHERE l1_batch_number = 2")).isEqualTo("queued");
        String key = ObjectKeys.l1BatchProof(1, VERSION);
        assertThat(query("SELECT status || ' ' || l1_proof_blob_url || ' ' || protocol_version || '.'"
                + " || protocol_version_patch FROM proof_compression_jobs_fri WHERE l1_batch_number = 1"))
                .isEqualTo("successful " + key + " 28.0");
        try (InputStream in = store.open(ObjectKeys.PROOFS_FRI, key)) {
            L1BatchProof proof = ProofCodec.readBincode(in);
            assertThat(proof.aggregationResultCoords()).isEqualTo(AggregationCoords.expectedCoords(SEED, 1));
            assertThat(proof.protocolVersion()).isEqualTo(VERSION);
        }
        assertThat(prover.provenBatches()).containsExactly(1L);
    }

    @Test
    void doesNothing_whenNoWitnessJobIsQueued() {
        assertThat(prover(0).runOnce()).isFalse();
    }

    @Test
    void writesASkippedJobWithoutBlob_forTheSkippedShare() throws Exception {
        queueWithWitness(1);
        prover(1).runOnce();
        assertThat(query("SELECT status || ' ' || COALESCE(l1_proof_blob_url, 'none') FROM proof_compression_jobs_fri"))
                .isEqualTo("skipped none");
        assertThat(Files.exists(store.pathOf(ObjectKeys.PROOFS_FRI, ObjectKeys.l1BatchProof(1, VERSION)))).isFalse();
    }

    @Test
    void failsTheWitnessJob_whenItsBlobDoesNotDecode() throws Exception {
        queue(1);
        Path garbage = dir.resolve("garbage");
        Files.write(garbage, new byte[] {1, 2, 3});
        store.put(ObjectKeys.WITNESS_INPUTS, ObjectKeys.witnessInputs(1), garbage);
        ProverSimulator prover = prover(0);

        assertThat(prover.runOnce()).isTrue();

        assertThat(query("SELECT status FROM witness_inputs_fri")).isEqualTo("failed");
        assertThat(query("SELECT error FROM witness_inputs_fri")).contains("witness blob of batch 1 unusable");
        assertThat(query("SELECT COUNT(*)::text FROM proof_compression_jobs_fri")).isEqualTo("0");
        assertThat(prover.failedBatches()).containsKey(1L);
    }

    @Test
    void failsTheWitnessJob_whenItsBlobIsMissing() throws Exception {
        queue(1);
        prover(0).runOnce();
        assertThat(query("SELECT status FROM witness_inputs_fri")).isEqualTo("failed");
    }

    @Test
    void provesInTheBackground_untilClosed() throws Exception {
        queueWithWitness(1);
        try (ProverSimulator prover = prover(0).start()) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> prover.provenBatches().contains(1L));
        }
    }

    private ProverSimulator prover(double skipShare) {
        return new ProverSimulator(db.dataSource(), store, ProverSimulator.Settings.defaults()
                .withSeed(SEED).withDelay(Duration.ZERO).withSkipShare(skipShare));
    }

    private void queueWithWitness(long n) throws IOException, SQLException {
        queue(n);
        Path file = dir.resolve("witness-" + n);
        try (OutputStream out = Files.newOutputStream(file)) {
            WitnessInputCodec.writeBincode(
                    new WitnessDataGenerator(SEED, CommitmentMode.ROLLUP).generate(n).witnessInputData(), out);
        }
        store.put(ObjectKeys.WITNESS_INPUTS, ObjectKeys.witnessInputs(n), file);
    }

    private void queue(long n) throws SQLException {
        execute("INSERT INTO witness_inputs_fri (l1_batch_number, witness_inputs_blob_url, protocol_version, status,"
                + " created_at, updated_at, protocol_version_patch) VALUES (" + n + ", 'witness_inputs_" + n
                + ".bin', 28, 'queued', NOW(), NOW(), 0)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).as("a row for %s", sql).isTrue();
            return rs.getString(1);
        }
    }
}
