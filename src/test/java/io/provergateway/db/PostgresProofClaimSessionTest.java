package io.provergateway.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.db.ProverDatabase.ProofClaim;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Claims keep a batch to one instance with a session-level advisory lock, holding no transaction open, so they
 * survive {@code idle_in_transaction_session_timeout} (here 1 s) while the proof is read and sent.
 */
class PostgresProofClaimSessionTest {
    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private final ProverRows rows = new ProverRows(DATABASE.dataSource());
    private final PostgresProverDatabase instanceA = new PostgresProverDatabase(DATABASE.dataSource());
    private final PostgresProverDatabase instanceB = new PostgresProverDatabase(DATABASE.dataSource());

    @BeforeAll
    static void idleInTransactionTimeout() {
        new ProverRows(DATABASE.dataSource()).execute("ALTER DATABASE " + DATABASE.name()
                + " SET idle_in_transaction_session_timeout = '1s'");
    }

    @BeforeEach
    void emptyTable() {
        rows.execute("DELETE FROM proof_compression_jobs_fri");
    }

    @Test
    void aClaimHeldLongerThanTheIdleInTransactionTimeout_isStillMarked_andItsSessionIsIdleMeanwhile()
            throws Exception {
        rows.compressionJob(1, "successful", 28, 0);
        CapturingDataSource capturing = new CapturingDataSource(DATABASE.dataSource());
        PostgresProverDatabase db = new PostgresProverDatabase(capturing);

        try (ProofClaim claim = db.claimNextProof(Set.of()).orElseThrow()) {
            int pid = backendPid(capturing.lastConnection());
            Thread.sleep(2_500);
            assertThat(rows.single("SELECT state FROM pg_stat_activity WHERE pid = " + pid)).contains("idle");
            claim.markSent();
        }

        assertThat(rows.compressionStatus(1)).isEqualTo("sent_to_server");
        assertThat(rows.single("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).contains("0");
    }

    @Test
    void aBatchClaimedByOneInstance_isNotClaimedByAnother_untilReleased() {
        rows.compressionJob(10, "successful", 28, 0);
        rows.compressionJob(11, "skipped", 28, 0);

        try (ProofClaim first = instanceA.claimNextProof(Set.of()).orElseThrow()) {
            assertThat(first.l1BatchNumber()).isEqualTo(10);
            try (ProofClaim second = instanceB.claimNextProof(Set.of()).orElseThrow()) {
                assertThat(second.l1BatchNumber()).isEqualTo(11);
                assertThat(instanceB.claimNextProof(Set.of())).isEmpty();
            }
        }
        try (ProofClaim again = instanceB.claimNextProof(Set.of()).orElseThrow()) {
            assertThat(again.l1BatchNumber()).isEqualTo(10);
        }
    }

    @Test
    void aBatchMarkedByOneInstance_isNeverClaimedByAnother() {
        rows.compressionJob(20, "successful", 28, 0);

        try (ProofClaim claim = instanceA.claimNextProof(Set.of()).orElseThrow()) {
            claim.markSent();
        }

        assertThat(instanceB.claimNextProof(Set.of())).isEmpty();
        assertThat(instanceB.claimNextProof(Set.of(), new ProofWindow(Set.of(20L), 0))).isEmpty();
    }

    @Test
    void theWindow_listsRowsOnTheirWay_andTheHighestBatch() {
        rows.compressionJob(30, "sent_to_server", 28, 0);
        rows.compressionJob(31, "queued", 28, 0);
        rows.compressionJob(32, "in_progress", 28, 0);
        rows.compressionJob(33, "failed", 28, 0);
        rows.compressionJob(34, "successful", 28, 0);
        rows.compressionJob(35, "sent_to_server", 28, 0);

        assertThat(instanceA.proofWindow()).contains(new ProofWindow(Set.of(31L, 32L, 33L), 35));
        rows.execute("DELETE FROM proof_compression_jobs_fri");
        assertThat(instanceA.proofWindow()).contains(new ProofWindow(Set.of(), -1));
    }

    @Test
    void aClaimWithinTheWindow_findsWatchedRowsAndNewRows_butNotOthers() {
        rows.compressionJob(40, "successful", 28, 0);
        rows.compressionJob(41, "queued", 28, 0);
        ProofWindow window = instanceA.proofWindow().orElseThrow();
        rows.execute("UPDATE proof_compression_jobs_fri SET status = 'successful' WHERE l1_batch_number = 41");
        rows.compressionJob(42, "skipped", 28, 0);

        try (ProofClaim watched = instanceA.claimNextProof(Set.of(), window).orElseThrow();
                ProofClaim above = instanceA.claimNextProof(Set.of(), window).orElseThrow()) {
            assertThat(watched.l1BatchNumber()).isEqualTo(41);
            assertThat(above.l1BatchNumber()).isEqualTo(42);
            assertThat(instanceA.claimNextProof(Set.of(), window)).as("40 is outside the window").isEmpty();
            try (ProofClaim full = instanceA.claimNextProof(Set.of()).orElseThrow()) {
                assertThat(full.l1BatchNumber()).isEqualTo(40);
            }
        }
    }

    private static int backendPid(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }
}
