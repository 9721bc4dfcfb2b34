package io.provergateway.db;

import java.util.HashSet;
import java.util.Set;

/**
 * Where a proof can turn ready between two full scans of {@code proof_compression_jobs_fri}: the rows that were still
 * on their way ({@code queued}, {@code in_progress}, {@code failed}) when the window was read, any other batch the
 * caller wants watched (e.g. its held-back proofs), and every row numbered above {@code highest} (rows inserted
 * since). A claim within the window is a handful of primary-key probes instead of a walk over every sent row.
 *
 * @param watched batch numbers looked up one by one
 * @param highest the highest batch number in the table when the window was read ({@code -1} when empty)
 */
public record ProofWindow(Set<Long> watched, long highest) {
    public ProofWindow {
        watched = Set.copyOf(watched);
    }

    /** This window, also watching {@code more}. */
    public ProofWindow watching(Set<Long> more) {
        if (watched.containsAll(more)) {
            return this;
        }
        Set<Long> all = new HashSet<>(watched);
        all.addAll(more);
        return new ProofWindow(all, highest);
    }
}
