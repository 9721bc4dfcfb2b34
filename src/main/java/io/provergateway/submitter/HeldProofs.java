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
 * submitted (no head-of-line blocking). A failure that looks transient (core unreachable, 5xx, store outage) uses a
 * short cap so everything flows again soon after an outage; an explicit rejection uses a long one.
 */
final class HeldProofs {
    private final Backoff rejectedBackoff;
    private final Backoff transientBackoff;
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);

    private final Map<Long, Hold> holds = new HashMap<>();

    HeldProofs(Backoff rejectedBackoff, Backoff transientBackoff) {
        this.rejectedBackoff = rejectedBackoff;
        this.transientBackoff = transientBackoff;
    }

    /** Records a failure of {@code batch}; returns the hold (with attempt count and release time). */
    Hold hold(long batch, Instant now, boolean transientFailure) {
        int attempts = holds.containsKey(batch) ? holds.get(batch).attempts() + 1 : 1;
        Duration delay = (transientFailure ? transientBackoff : rejectedBackoff).delayAfter(attempts);
        Hold hold = new Hold(attempts, now.plus(delay), delay);
        holds.put(batch, hold);
        return hold;
    }

    /**
     * Batches still held at {@code now}. Expired holds stay recorded (for the attempt count) until the batch is sent,
     * or until {@link #FORGET_AFTER} past expiry: a batch that was not claimed again by then was sent by another
     * instance (or is no longer eligible).
     */
    Set<Long> heldAt(Instant now) {
        holds.values().removeIf(hold -> hold.until().plus(FORGET_AFTER).isBefore(now));
        return holds.entrySet().stream()
                .filter(e -> e.getValue().until().isAfter(now))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Every batch with a recorded hold, expired or not (to be watched for). */
    Set<Long> known() {
        return Set.copyOf(holds.keySet());
    }

    void release(long batch) {
        holds.remove(batch);
    }

    /** Proofs held back right now (the {@code proofs_in_backoff} gauge). */
    int activeAt(Instant now) {
        return heldAt(now).size();
    }

    record Hold(int attempts, Instant until, Duration delay) {}
}
