package io.provergateway.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.db.ProverDatabase.ProofClaim;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.wire.ProtocolVersion;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresProverDatabaseClaimTest {
    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private final ProverRows rows = new ProverRows(DATABASE.dataSource());
    private final PostgresProverDatabase db = new PostgresProverDatabase(DATABASE.dataSource());

    @BeforeEach
    void emptyTable() {
        rows.execute("DELETE FROM proof_compression_jobs_fri");
    }

    @Test
    void claimsTheLowestSuccessfulOrSkippedBatch_ignoringOtherStatuses() {
        rows.compressionJob(1, "sent_to_server", 28, 0);
        rows.compressionJob(2, "queued", 28, 0);
        rows.compressionJob(3, "in_progress", 28, 0);
        rows.compressionJob(4, "failed", 28, 0);
        rows.compressionJob(6, "successful", 28, 0);
        rows.compressionJob(5, "skipped", 27, 2);

        try (ProofClaim claim = db.claimNextProof(Set.of()).orElseThrow()) {
            assertThat(claim.l1BatchNumber()).isEqualTo(5);
            assertThat(claim.hasProof()).isFalse();
            assertThat(claim.protocolVersion()).contains(new ProtocolVersion(27, 2));
        }
    }

    @Test
    void successfulRowHasProof() {
        rows.compressionJob(9, "successful", 28, 1);

        try (ProofClaim claim = db.claimNextProof(Set.of()).orElseThrow()) {
            assertThat(claim.hasProof()).isTrue();
            assertThat(claim.protocolVersion()).contains(new ProtocolVersion(28, 1));
        }
    }

    @Test
    void nothingEligible_givesEmpty() {
        rows.compressionJob(1, "queued", 28, 0);

        assertThat(db.claimNextProof(Set.of())).isEmpty();
    }

    @Test
    void skipsExcludedBatches() {
        rows.compressionJob(10, "successful", 28, 0);
        rows.compressionJob(11, "successful", 28, 0);
        rows.compressionJob(12, "skipped", 28, 0);

        try (ProofClaim claim = db.claimNextProof(Set.of(10L, 11L)).orElseThrow()) {
            assertThat(claim.l1BatchNumber()).isEqualTo(12);
        }
        assertThat(db.claimNextProof(Set.of(10L, 11L, 12L))).isEmpty();
    }

    @Test
    void twoOpenClaims_getDifferentBatches() {
        rows.compressionJob(20, "successful", 28, 0);
        rows.compressionJob(21, "successful", 28, 0);

        try (ProofClaim first = db.claimNextProof(Set.of()).orElseThrow();
                ProofClaim second = db.claimNextProof(Set.of()).orElseThrow()) {
            assertThat(first.l1BatchNumber()).isEqualTo(20);
            assertThat(second.l1BatchNumber()).isEqualTo(21);
            assertThat(db.claimNextProof(Set.of())).isEmpty();
        }
    }

    @Test
    void concurrentClaimsFromManyThreads_neverShareABatch() throws Exception {
        int threads = 4;
        for (int batch = 30; batch < 30 + threads; batch++) {
            rows.compressionJob(batch, "successful", 28, 0);
        }
        CountDownLatch allClaimed = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Optional<Long>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    Optional<ProofClaim> claim = db.claimNextProof(Set.of());
                    allClaimed.countDown();
                    allClaimed.await(30, TimeUnit.SECONDS);
                    claim.ifPresent(ProofClaim::close);
                    return claim.map(ProofClaim::l1BatchNumber);
                }));
            }
            Set<Long> claimed = new HashSet<>();
            for (Future<Optional<Long>> result : results) {
                claimed.add(result.get(30, TimeUnit.SECONDS).orElseThrow());
            }
            assertThat(claimed).containsExactlyInAnyOrder(30L, 31L, 32L, 33L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingWithoutMark_leavesStatus_andReleasesTheRow() {
        rows.compressionJob(40, "successful", 28, 0);

        db.claimNextProof(Set.of()).orElseThrow().close();

        assertThat(rows.compressionStatus(40)).isEqualTo("successful");
        try (ProofClaim again = db.claimNextProof(Set.of()).orElseThrow()) {
            assertThat(again.l1BatchNumber()).isEqualTo(40);
        }
    }

    @Test
    void markSent_setsSentToServerAndUpdatedAt_andReleasesTheRow() {
        rows.compressionJob(50, "skipped", 28, 0);
        rows.compressionJob(51, "successful", 28, 0);

        try (ProofClaim claim = db.claimNextProof(Set.of()).orElseThrow()) {
            claim.markSent();
        }

        assertThat(rows.compressionStatus(50)).isEqualTo("sent_to_server");
        assertThat(rows.single("SELECT updated_at > NOW() - INTERVAL '10 minutes' FROM proof_compression_jobs_fri"
                + " WHERE l1_batch_number = 50")).contains("t");
        try (ProofClaim next = db.claimNextProof(Set.of()).orElseThrow()) {
            assertThat(next.l1BatchNumber()).isEqualTo(51);
        }
        rows.execute("UPDATE proof_compression_jobs_fri SET status = 'failed' WHERE l1_batch_number = 50");
    }

    @Test
    void markSent_leavesARowAloneWhoseStatusIsNoLongerSuccessfulOrSkipped() throws Exception {
        rows.compressionJob(60, "successful", 28, 0);
        CapturingDataSource capturing = new CapturingDataSource(DATABASE.dataSource());
        PostgresProverDatabase capturingDb = new PostgresProverDatabase(capturing);

        try (ProofClaim claim = capturingDb.claimNextProof(Set.of()).orElseThrow()) {
            try (Statement inClaimTransaction = capturing.lastConnection().createStatement()) {
                inClaimTransaction.executeUpdate(
                        "UPDATE proof_compression_jobs_fri SET status = 'failed' WHERE l1_batch_number = 60");
            }
            claim.markSent();
        }

        assertThat(rows.compressionStatus(60)).isEqualTo("failed");
    }

    @Test
    void nullProtocolVersion_isReportedAsEmpty() {
        rows.compressionJob(70, "successful", null, 0);

        try (ProofClaim claim = db.claimNextProof(Set.of()).orElseThrow()) {
            assertThat(claim.l1BatchNumber()).isEqualTo(70);
            assertThat(claim.protocolVersion()).isEmpty();
        }
    }

    @Test
    void unknownMinorVersion_isReportedAsEmpty() {
        rows.compressionJob(80, "successful", 99, 0);

        try (ProofClaim claim = db.claimNextProof(Set.of()).orElseThrow()) {
            assertThat(claim.protocolVersion()).isEmpty();
        }
    }

    @Test
    void oldestUnsentProofAge_isThatOfTheLowestEligibleRow_orEmpty() {
        assertThat(db.oldestUnsentProofAge()).isEmpty();
        rows.compressionJob(90, "sent_to_server", 28, 0);
        assertThat(db.oldestUnsentProofAge()).isEmpty();

        rows.compressionJob(91, "successful", 28, 0);
        rows.execute("UPDATE proof_compression_jobs_fri SET updated_at = LOCALTIMESTAMP - INTERVAL '2 hours'"
                + " WHERE l1_batch_number = 91");
        rows.compressionJob(92, "skipped", 28, 0);

        Duration age = db.oldestUnsentProofAge().orElseThrow();
        assertThat(age).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(125));
    }
}
