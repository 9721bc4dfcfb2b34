package io.provergateway.submitter;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.db.PostgresProverDatabase;
import io.provergateway.db.ProverDatabase.ProofClaim;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Between full claims (one per four poll periods when idle) the submitter only probes where a proof can turn ready,
 * reading that window again once per poll period.
 */
class ProofScansTest {
    private static final Duration POLL = Duration.ofSeconds(15);
    private static final Duration FULL = POLL.multipliedBy(4);
    private final TestDatabase db = TestPostgres.freshDatabase();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final ProofScans scans = new ProofScans(new PostgresProverDatabase(db.dataSource()), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return clock;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, POLL, FULL);

    @Test
    void aProofTurningReadyOrInsertedAfterAnIdleFullClaim_isClaimedByTheNextProbe() {
        job(1, "sent_to_server");
        job(2, "in_progress");
        assertThat(claim()).isEmpty();
        assertThat(scans.lastWasFull()).isTrue();

        sql("UPDATE proof_compression_jobs_fri SET status = 'successful' WHERE l1_batch_number = 2");
        job(3, "skipped");
        now = now.plusMillis(200);

        assertThat(claim()).contains(2L);
        assertThat(scans.lastWasFull()).as("a probe, not a full claim").isFalse();
        assertThat(claim()).as("after finding work: the full claim again").contains(3L);
        assertThat(scans.lastWasFull()).isTrue();
    }

    @Test
    void aRowTheWindowCannotSee_isFoundByTheNextFullClaim() {
        job(10, "sent_to_server");
        job(12, "sent_to_server");
        assertThat(claim()).isEmpty();
        job(11, "successful");

        now = now.plusSeconds(5);
        assertThat(claim()).as("11 is below the highest row and was not on its way").isEmpty();
        assertThat(scans.lastWasFull()).isFalse();
        now = now.plus(POLL);
        assertThat(claim()).as("a new window does not see it either").isEmpty();
        now = now.plus(FULL);
        assertThat(claim()).contains(11L);
        assertThat(scans.lastWasFull()).isTrue();
    }

    @Test
    void aRowInsertedBelowTheHighestWhileQueued_isWatchedFromTheNextWindowRead() {
        job(30, "sent_to_server");
        job(32, "sent_to_server");
        assertThat(claim()).isEmpty();
        job(31, "queued");
        now = now.plus(POLL);
        assertThat(claim()).as("window read again: 31 is on its way").isEmpty();

        sql("UPDATE proof_compression_jobs_fri SET status = 'successful' WHERE l1_batch_number = 31");
        now = now.plusMillis(200);
        assertThat(claim()).contains(31L);
        assertThat(scans.lastWasFull()).isFalse();
    }

    @Test
    void heldBatchesAreWatched_soTheyAreClaimedAgainAsSoonAsTheirHoldEnds() {
        job(20, "successful");
        assertThat(scans.claim(Set.of(20L), Set.of(20L))).isEmpty();
        now = now.plusSeconds(2);

        assertThat(scans.claim(Set.of(), Set.of(20L)).map(ProofScansTest::release)).contains(20L);
        assertThat(scans.lastWasFull()).isFalse();
    }

    private Optional<Long> claim() {
        return scans.claim(Set.of(), Set.of()).map(ProofScansTest::release);
    }

    /** Marks the claimed proof sent (as the submitter does after "Success"). */
    private static long release(ProofClaim claim) {
        claim.markSent();
        return claim.l1BatchNumber();
    }

    private void job(long batch, String status) {
        sql("INSERT INTO prover_fri_protocol_versions (id, snark_wrapper_vk_hash, created_at, protocol_version_patch)"
                + " VALUES (28, '\\x00', NOW(), 0) ON CONFLICT DO NOTHING");
        sql("INSERT INTO proof_compression_jobs_fri (l1_batch_number, status, created_at, updated_at,"
                + " protocol_version, protocol_version_patch) VALUES (" + batch + ", '" + status + "', NOW(), NOW(),"
                + " 28, 0)");
    }

    private void sql(String statement) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
