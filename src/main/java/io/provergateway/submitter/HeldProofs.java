package io.provergateway.submitter;

import io.provergateway.loop.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Proofs whose last submission failed, each held back with its own growing backoff so later batches go on being
 * submitted (no head-of-line blocking). Holds caused by a transient failure (core unreachable, store outage) are lifted as soon as any
 * submission succeeds again.
 */
final class HeldProofs {
    private final Backoff backoff;
    private final Map<Long, Hold> holds = new HashMap<>();

    HeldProofs(Backoff backoff) {
        this.backoff = backoff;
    }

    /** Records a failure of {@code batch}; returns the hold (with attempt count and release time). */
    Hold hold(long batch, Instant now, boolean transientFailure) {
        int attempts = holds.containsKey(batch) ? holds.get(batch).attempts() + 1 : 1;
        Duration delay = backoff.delayAfter(attempts);
        Hold hold = new Hold(attempts, now.plus(delay), delay, transientFailure);
        holds.put(batch, hold);
        return hold;
    }

    /** Batches still held at {@code now}; expired holds stay recorded (for the attempt count) until released. */
    Set<Long> heldAt(Instant now) {
        return holds.entrySet().stream()
                .filter(e -> e.getValue().until().isAfter(now))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    void release(long batch) {
        holds.remove(batch);
    }

    /** The core acknowledged a proof again: proofs held only for transient reasons may go at once. */
    void releaseTransient() {
        holds.values().removeIf(Hold::transientFailure);
    }

    int size() {
        return holds.size();
    }

    record Hold(int attempts, Instant until, Duration delay, boolean transientFailure) {}
}
