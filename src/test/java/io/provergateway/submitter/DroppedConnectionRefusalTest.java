package io.provergateway.submitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.provergateway.api.CoreApiException;
import io.provergateway.api.CoreHttpClient;
import io.provergateway.config.ApiConfig;
import io.provergateway.db.PostgresProverDatabase;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.ProofGenerator;
import io.provergateway.devnet.SubmitRejection;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.loop.FailurePolicy;
import io.provergateway.store.InMemoryBlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.testsupport.RecordingMetrics;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The Via core refuses a proof with wrong coords by panicking in its handler: a dropped connection. Three in a row
 * for one batch while the core answers other requests is a refusal (long hold, WARN naming the batch); drops while
 * the core answers nothing else stay an outage (short retry waits).
 */
class DroppedConnectionRefusalTest {
    private static final long SEED = 61;
    private static final ProtocolVersion VERSION = WitnessDataGenerator.PROTOCOL_VERSION;
    private static final FailurePolicy POLICY = new FailurePolicy(Duration.ofSeconds(15), Duration.ofMinutes(10),
            () -> 0.5);

    private TestDatabase db;
    private CoreSimulator core;
    private final InMemoryBlobStore store = new InMemoryBlobStore();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private CoreHttpClient client;

    @BeforeEach
    void setUp() {
        db = TestPostgres.freshDatabase();
        core = CoreSimulator.start(CoreSimulator.Settings.defaults().withSeed(SEED));
        core.rejectWrongCoordsWith(SubmitRejection.DROP_CONNECTION);
        client = new CoreHttpClient(new ApiConfig(core.baseUrl().toString(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 1L << 32, Optional.empty(), Optional.empty()), false);
        log.start();
        ((Logger) LoggerFactory.getLogger(ProofSubmitter.class)).addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(ProofSubmitter.class)).detachAppender(log);
        core.close();
    }

    @Test
    void threeDropsOfOneBatchWhileOthersAreAcknowledged_holdItBackAsRefused() throws Exception {
        proven(1, SEED + 1);
        proven(3, SEED);
        ProofSubmitter submitter = submitter();

        assertThatThrownBy(submitter::runOnce).as("first drop: looks like an outage").isInstanceOf(
                CoreApiException.class);
        assertThat(submitter.runOnce()).isTrue();
        advance(Duration.ofSeconds(2));
        assertThatThrownBy(submitter::runOnce).as("second drop").isInstanceOf(CoreApiException.class);
        assertThat(submitter.runOnce()).isTrue();
        advance(Duration.ofSeconds(3));
        assertThat(submitter.runOnce()).as("third drop: a refusal, the loop goes on").isTrue();
        assertThat(submitter.runOnce()).as("the last good batch").isTrue();

        advance(Duration.ofSeconds(20));
        assertThat(submitter.runOnce()).as("still held after a poll period").isFalse();
        assertThat(core.rejectedCount(1)).isEqualTo(3);
        assertThat(core.acknowledgedCount(2) + core.acknowledgedCount(3) + core.acknowledgedCount(4)).isEqualTo(3);
        assertThat(metrics.proofsInBackoff()).isEqualTo(1);
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getLevel()).hasToString("WARN");
            assertThat(event.getFormattedMessage()).contains("proof refused by dropped connections")
                    .contains("l1_batch_number=1 ");
        });
    }

    @Test
    void dropsWhileTheCoreAnswersNothingElse_stayShortRetries() throws Exception {
        proven(1, SEED + 1);
        ProofSubmitter submitter = submitter();

        for (int drop = 1; drop <= 4; drop++) {
            assertThatThrownBy(submitter::runOnce).as("drop %d", drop).isInstanceOf(CoreApiException.class);
            advance(Duration.ofSeconds(19));
        }

        assertThat(core.rejectedCount(1)).isEqualTo(4);
        assertThat(log.list).noneSatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("proof refused by dropped connections"));
    }

    private ProofSubmitter submitter() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new ProofSubmitter(new ReplyCountingCore(client), store, new PostgresProverDatabase(db.dataSource()),
                metrics, clock, POLICY, Duration.ZERO);
    }

    private void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** {@code count} batches handed out by the core and finished by the "compressor" with proofs from {@code seed}. */
    private void proven(int count, long proofSeed) throws Exception {
        for (long n : core.addBatches(count)) {
            client.fetchProofGenerationData(in -> in.transferTo(OutputStream.nullOutputStream()));
            try (Connection c = db.dataSource().getConnection()) {
                c.createStatement().execute("INSERT INTO prover_fri_protocol_versions (id, snark_wrapper_vk_hash,"
                        + " created_at, protocol_version_patch) VALUES (28, '\\x00', NOW(), 0) ON CONFLICT DO NOTHING");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO proof_compression_jobs_fri"
                        + " (l1_batch_number, status, l1_proof_blob_url, created_at, updated_at, protocol_version,"
                        + " protocol_version_patch) VALUES (?, 'successful', ?, NOW(), NOW(), 28, 0)")) {
                    insert.setLong(1, n);
                    insert.setString(2, ObjectKeys.l1BatchProof(n, VERSION));
                    insert.executeUpdate();
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ProofCodec.writeBincode(new ProofGenerator(proofSeed).generate(n, VERSION), bytes);
            store.putBytes(ObjectKeys.PROOFS_FRI, ObjectKeys.l1BatchProof(n, VERSION), bytes.toByteArray());
        }
    }
}
