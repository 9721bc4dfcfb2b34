package io.provergateway.devnet;

import io.provergateway.wire.L1BatchProof;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The simulated core's {@code proof_generation_details}: batch status, when a prover took it, and counters for
 * tests. Locking follows {@code lock_batch_for_proving}: the lowest batch that is unpicked, or picked longer ago
 * than the timeout. Thread-safe.
 */
final class BatchLedger {
    private final Clock clock;
    private final Duration proofGenerationTimeout;
    private final long firstBatch;
    private final TreeMap<Long, Entry> batches = new TreeMap<>();

    BatchLedger(Clock clock, Duration proofGenerationTimeout, long firstBatch) {
        this.clock = clock;
        this.proofGenerationTimeout = proofGenerationTimeout;
        this.firstBatch = firstBatch;
    }

    /** Appends {@code count} ready batches after the highest one (or from the first batch). */
    synchronized List<Long> addBatches(int count) {
        long next = batches.isEmpty() ? firstBatch : batches.lastKey() + 1;
        List<Long> added = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batches.put(next + i, new Entry());
            added.add(next + i);
        }
        return added;
    }

    /** Picks and locks the next batch to prove, if any. */
    synchronized OptionalLong lockNext() {
        Instant now = clock.instant();
        for (Map.Entry<Long, Entry> candidate : batches.entrySet()) {
            Entry entry = candidate.getValue();
            boolean expired = entry.status == CoreBatchStatus.PICKED_BY_PROVER
                    && entry.takenAt.plus(proofGenerationTimeout).isBefore(now);
            if (entry.status == CoreBatchStatus.UNPICKED || expired) {
                entry.status = CoreBatchStatus.PICKED_BY_PROVER;
                entry.takenAt = now;
                entry.fetches++;
                return OptionalLong.of(candidate.getKey());
            }
        }
        return OptionalLong.empty();
    }

    synchronized boolean exists(long l1BatchNumber) {
        return batches.containsKey(l1BatchNumber);
    }

    /** Records an accepted proof; as upstream, the current status is not checked. */
    synchronized void markGenerated(long l1BatchNumber, L1BatchProof proof) {
        Entry entry = batches.get(l1BatchNumber);
        entry.status = CoreBatchStatus.GENERATED;
        entry.proof = proof;
        entry.acks++;
    }

    synchronized void markSkipped(long l1BatchNumber) {
        Entry entry = batches.get(l1BatchNumber);
        entry.status = CoreBatchStatus.SKIPPED;
        entry.acks++;
    }

    synchronized void countRejection(long l1BatchNumber) {
        batches.get(l1BatchNumber).rejections++;
    }

    synchronized Optional<CoreBatchStatus> status(long l1BatchNumber) {
        return Optional.ofNullable(batches.get(l1BatchNumber)).map(e -> e.status);
    }

    synchronized Optional<L1BatchProof> acceptedProof(long l1BatchNumber) {
        return Optional.ofNullable(batches.get(l1BatchNumber)).map(e -> e.proof);
    }

    synchronized int fetches(long l1BatchNumber) {
        return Optional.ofNullable(batches.get(l1BatchNumber)).map(e -> e.fetches).orElse(0);
    }

    synchronized int acks(long l1BatchNumber) {
        return Optional.ofNullable(batches.get(l1BatchNumber)).map(e -> e.acks).orElse(0);
    }

    synchronized int rejections(long l1BatchNumber) {
        return Optional.ofNullable(batches.get(l1BatchNumber)).map(e -> e.rejections).orElse(0);
    }

    private static final class Entry {
        private CoreBatchStatus status = CoreBatchStatus.UNPICKED;
        private Instant takenAt;
        private L1BatchProof proof;
        private int fetches;
        private int acks;
        private int rejections;
    }
}
