package io.provergateway.submitter;

import io.provergateway.db.ProofWindow;
import io.provergateway.db.ProverDatabase;
import io.provergateway.db.ProverDatabase.ProofClaim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Decides how each claim looks for a ready proof, so that a proof is picked up within a fraction of a second without
 * loading the database (the upstream schema has no index on {@code successful}, so the full claim walks every sent
 * row: ~7.5 ms on 100,000 rows).
 * <ul>
 *   <li>A <em>full</em> claim (the upstream query: lowest {@code successful}/{@code skipped} row) runs at start,
 *       after every claim that found a proof (so a backlog drains lowest first), and once per full-scan interval
 *       (the poll period) when idle. Before each one, the {@link ProofWindow} is read again (through the upstream partial indexes).</li>
 *   <li>In between, each probe claims only within that window: the rows that were still {@code queued},
 *       {@code in_progress} or {@code failed}, the batches held back here, and rows inserted since (numbered above the
 *       highest one seen): a few primary-key lookups.</li>
 * </ul>
 * A row the window misses (inserted below the highest batch and finished within one poll period, or released by a
 * crashed instance) is found by the next full claim, i.e. no later than upstream would find it.
 */
final class ProofScans {
    private final ProverDatabase database;
    private final Clock clock;
    private final Duration fullScanInterval;
    private Instant nextFullScan = Instant.MIN;
    private Optional<ProofWindow> window = Optional.empty();
    private boolean lastWasFull;

    /** @param fullScanInterval how long an idle submitter only probes its window; zero: every claim is full */
    ProofScans(ProverDatabase database, Clock clock, Duration fullScanInterval) {
        this.database = database;
        this.clock = clock;
        this.fullScanInterval = fullScanInterval;
    }

    /** Claims the next proof not in {@code excluded}; {@code watched} are also looked at by a windowed claim. */
    Optional<ProofClaim> claim(Set<Long> excluded, Set<Long> watched) {
        Instant now = clock.instant();
        lastWasFull = !now.isBefore(nextFullScan);
        if (lastWasFull) {
            if (!fullScanInterval.isZero()) {
                window = database.proofWindow();
            }
            Optional<ProofClaim> claim = database.claimNextProof(excluded);
            nextFullScan = claim.isPresent() ? Instant.MIN : now.plus(fullScanInterval);
            return claim;
        }
        if (window.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProofClaim> claim = database.claimNextProof(excluded, window.get().watching(watched));
        if (claim.isPresent()) {
            nextFullScan = Instant.MIN;
        }
        return claim;
    }

    /** Whether the last {@link #claim} looked at every row. */
    boolean lastWasFull() {
        return lastWasFull;
    }
}
