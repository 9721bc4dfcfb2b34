package io.provergateway.submitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.api.CoreApiException;
import io.provergateway.api.CoreHttpClient;
import io.provergateway.config.ApiConfig;
import io.provergateway.db.PostgresProverDatabase;
import io.provergateway.devnet.CoreFault;
import io.provergateway.devnet.CoreRoute;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.ProofGenerator;
import io.provergateway.devnet.SubmitRejection;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.loop.Backoff;
import io.provergateway.loop.FailurePolicy;
import io.provergateway.store.BlobStore;
import io.provergateway.store.BlobStoreException;
import io.provergateway.store.InMemoryBlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.testsupport.RecordingMetrics;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.ProtocolVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The submitter against a real PostgreSQL and a real HTTP core (the simulator, which checks every proof's coords). */
class ProofSubmitterTest {
    private static final long SEED = 5;
    private static final ProtocolVersion VERSION = WitnessDataGenerator.PROTOCOL_VERSION;

    private TestDatabase db;
    private CoreSimulator core;
    private final InMemoryBlobStore store = new InMemoryBlobStore();
    private final RecordingMetrics metrics = new RecordingMetrics();

    @BeforeEach
    void setUp() {
        db = TestPostgres.freshDatabase();
        core = CoreSimulator.start(CoreSimulator.Settings.defaults().withSeed(SEED));
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private CoreHttpClient client() {
        return new CoreHttpClient(new ApiConfig(core.baseUrl().toString(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 1L << 32, Optional.empty(), Optional.empty()), false);
    }

    private ProofSubmitter submitter() {
        return new ProofSubmitter(client(), store, new PostgresProverDatabase(db.dataSource()), metrics,
                Clock.systemUTC(), new Backoff(Duration.ofHours(1), Duration.ofHours(1), () -> 0.5),
                new Backoff(Duration.ofHours(1), Duration.ofHours(1), () -> 0.5));
    }

    /** The core hands out {@code count} batches; the "compressor" finishes them with proofs made with {@code seed}. */
    private void provenBatches(int count, long proofSeed) throws SQLException {
        for (long n : core.addBatches(count)) {
            handOut();
            insertCompressionJob(n, "successful");
            writeProof(n, proofSeed);
        }
    }

    private void handOut() {
        client().fetchProofGenerationData(in -> in.transferTo(java.io.OutputStream.nullOutputStream()));
    }

    private void writeProof(long n, long proofSeed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProofCodec.writeBincode(new ProofGenerator(proofSeed).generate(n, VERSION), bytes);
        store.putBytes(ObjectKeys.PROOFS_FRI, ObjectKeys.l1BatchProof(n, VERSION), bytes.toByteArray());
    }

    @Test
    void marksProofSent_onlyWhenCoreAcknowledges() throws Exception {
        provenBatches(3, SEED);
        ProofSubmitter submitter = submitter();

        assertThat(List.of(submitter.runOnce(), submitter.runOnce(), submitter.runOnce(), submitter.runOnce()))
                .containsExactly(true, true, true, false);

        assertThat(statuses()).containsExactly("1:sent_to_server", "2:sent_to_server", "3:sent_to_server");
        for (long n = 1; n <= 3; n++) {
            assertThat(core.acknowledgedCount(n)).isEqualTo(1);
            assertThat(core.acceptedProof(n)).contains(new ProofGenerator(SEED).generate(n, VERSION));
        }
        assertThat(metrics.count("proofSubmitted:acknowledged")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(SubmitRejection.class)
    void aRejectedProofIsHeldBackWhileLaterBatchesAreSent(SubmitRejection mode) throws Exception {
        core.rejectWrongCoordsWith(mode);
        provenBatches(1, SEED + 1);
        provenBatches(2, SEED);
        ProofSubmitter submitter = submitter();

        for (int i = 0; i < 3; i++) {
            try {
                submitter.runOnce();
            } catch (CoreApiException unreachableLooking) {
                assertThat(mode).isNotEqualTo(SubmitRejection.ERROR_RESPONSE);
            }
        }
        assertThat(submitter.runOnce()).isFalse();

        assertThat(statuses()).containsExactly("1:successful", "2:sent_to_server", "3:sent_to_server");
        assertThat(core.rejectedCount(1)).isEqualTo(1);
        assertThat(metrics.proofsInBackoff()).isEqualTo(1);
    }

    @Test
    void theOldestUnsentProofAgeIsReportedWhileABacklogDrains() throws Exception {
        provenBatches(2, SEED);
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("UPDATE proof_compression_jobs_fri SET updated_at = NOW() - INTERVAL '1 hour'");
        }

        assertThat(submitter().runOnce()).isTrue();

        assertThat(metrics.oldestUnsentProof()).isGreaterThan(Duration.ofMinutes(59));
    }

    @Test
    void aProofWhoseEmbeddedVersionDiffersFromItsRowIsStillSentAsUpstreamDoes() throws Exception {
        long n = core.addBatches(1).get(0);
        handOut();
        insertCompressionJob(n, "successful");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProofCodec.writeBincode(new ProofGenerator(SEED).generate(n, new ProtocolVersion(28, 1)), bytes);
        store.putBytes(ObjectKeys.PROOFS_FRI, ObjectKeys.l1BatchProof(n, VERSION), bytes.toByteArray());

        assertThat(submitter().runOnce()).isTrue();

        assertThat(statuses()).containsExactly(n + ":sent_to_server");
        assertThat(core.acceptedProof(n)).hasValueSatisfying(
                proof -> assertThat(proof.protocolVersion()).isEqualTo(new ProtocolVersion(28, 1)));
    }

    @Test
    void skippedBatchSendsSkippedProofGeneration() throws Exception {
        long n = core.addBatches(1).get(0);
        handOut();
        insertCompressionJob(n, "skipped");

        assertThat(submitter().runOnce()).isTrue();

        assertThat(statuses()).containsExactly(n + ":sent_to_server");
        assertThat(core.status(n)).hasValueSatisfying(s -> assertThat(s.toString()).containsIgnoringCase("skipped"));
    }

    @Test
    void anUnreadableProofBlobHoldsOnlyThatBatch() throws Exception {
        provenBatches(2, SEED);
        store.putBytes(ObjectKeys.PROOFS_FRI, ObjectKeys.l1BatchProof(1, VERSION), new byte[] {1, 2, 3});
        ProofSubmitter submitter = submitter();

        submitter.runOnce();
        submitter.runOnce();

        assertThat(statuses()).containsExactly("1:successful", "2:sent_to_server");
    }

    @Test
    void aProofStreamThatBreaksIsARetriedObjectStoreFailure_notALocalOne() throws Exception {
        provenBatches(1, SEED);
        BlobStore breaking = new BlobStore() {
            @Override
            public void put(String bucket, String key, java.nio.file.Path content) {
                store.put(bucket, key, content);
            }

            @Override
            public InputStream open(String bucket, String key) {
                return new java.io.SequenceInputStream(new ByteArrayInputStream(new byte[16]), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("Connection reset");
                    }
                });
            }
        };
        ProofSubmitter submitter = new ProofSubmitter(client(), breaking, new PostgresProverDatabase(db.dataSource()),
                metrics, Clock.systemUTC(), new Backoff(Duration.ofHours(1), Duration.ofHours(1), () -> 0.5),
                new Backoff(Duration.ofHours(1), Duration.ofHours(1), () -> 0.5));

        assertThatThrownBy(submitter::runOnce).isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("proofs_fri/" + ObjectKeys.l1BatchProof(1, VERSION))
                .hasMessageContaining("Connection reset")
                .satisfies(e -> assertThat(FailurePolicy.forPollInterval(Duration.ofSeconds(1)).kindOf(e))
                        .isEqualTo(FailurePolicy.Kind.OBJECT_STORE))
                .satisfies(e -> assertThat(((BlobStoreException) e).retriable()).isTrue());
        assertThat(statuses()).containsExactly("1:successful");
        assertThat(core.acknowledgedCount(1)).isZero();
    }

    @Test
    void coreOutageLeavesTheRowUnsentAndCountsAnHttpError() throws Exception {
        provenBatches(1, SEED);
        core.injectFault(CoreFault.httpStatus(502), 1);

        assertThatThrownBy(submitter()::runOnce).isInstanceOf(CoreApiException.class);

        assertThat(statuses()).containsExactly("1:successful");
        assertThat(metrics.count("httpError:ProofSubmitter")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "html"})
    void anUndecodableReplyLeavesTheRowUnsentAndHoldsTheProof(String reply) throws Exception {
        provenBatches(1, SEED);
        core.injectFault(CoreRoute.SUBMIT_PROOF, reply.equals("garbage") ? CoreFault.garbageJson()
                : CoreFault.htmlPage(200), 1);
        ProofSubmitter submitter = submitter();

        submitter.runOnce();

        assertThat(statuses()).containsExactly("1:successful");
        assertThat(metrics.count("httpError:ProofSubmitter")).isEqualTo(1);
        assertThat(metrics.proofsInBackoff()).isEqualTo(1);
        assertThat(submitter.runOnce()).isFalse();
    }

    @Test
    void twoSubmittersNeverSendTheSameBatch() throws Exception {
        provenBatches(12, SEED);
        ProofSubmitter first = submitter();
        ProofSubmitter second = submitter();

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain(first));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(second));
        CompletableFuture.allOf(a, b).join();

        for (long n = 1; n <= 12; n++) {
            assertThat(core.acknowledgedCount(n)).as("acks of batch %d", n).isEqualTo(1);
        }
        assertThat(statuses()).hasSize(12).allMatch(s -> s.endsWith("sent_to_server"));
    }

    private static void drain(ProofSubmitter submitter) {
        while (submitter.runOnce()) {
            Thread.onSpinWait();
        }
    }

    private void insertCompressionJob(long n, String status) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("INSERT INTO prover_fri_protocol_versions (id, snark_wrapper_vk_hash, created_at,"
                    + " protocol_version_patch) VALUES (28, '\\x00', NOW(), 0) ON CONFLICT DO NOTHING");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO proof_compression_jobs_fri (l1_batch_number,"
                    + " status, l1_proof_blob_url, created_at, updated_at, protocol_version, protocol_version_patch)"
                    + " VALUES (?, ?, ?, NOW(), NOW(), 28, 0)")) {
                insert.setLong(1, n);
                insert.setString(2, status);
                insert.setString(3, ObjectKeys.l1BatchProof(n, VERSION));
                insert.executeUpdate();
            }
        }
    }

    private List<String> statuses() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT l1_batch_number, status FROM proof_compression_jobs_fri ORDER BY l1_batch_number")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + ":" + rs.getString(2));
            }
        }
        return rows;
    }
}
