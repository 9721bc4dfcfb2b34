package io.provergateway.devnet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The push core's {@code proof_generation_details}: {@code unpicked} → {@code picked_by_prover} (with the time it was
 * taken) → {@code generated}; a picked batch whose timeout passed is locked again (push-mode spec §3.3).
 */
final class PushCoreBatches {
    private enum Status { UNPICKED, PICKED, GENERATED, REJECTED }

    private record State(Status status, Instant takenAt) {}

    private final Map<Long, State> states = new TreeMap<>();
    private int acceptedPushes;
    private long proofBytes;

    PushCoreBatches(long first, int count) {
        for (long n = first; n < first + count; n++) {
            states.put(n, new State(Status.UNPICKED, null));
        }
    }

    synchronized List<Long> numbers() {
        return new ArrayList<>(states.keySet());
    }

    /** The lowest unpicked batch, or a picked one older than {@code timeout}; it becomes picked now. */
    synchronized OptionalLong lockNext(Instant now, Duration timeout) {
        for (Map.Entry<Long, State> entry : states.entrySet()) {
            State s = entry.getValue();
            boolean ready = s.status() == Status.UNPICKED;
            boolean timedOut = s.status() == Status.PICKED && s.takenAt().plus(timeout).isBefore(now);
            if (ready || timedOut) {
                entry.setValue(new State(Status.PICKED, now));
                return OptionalLong.of(entry.getKey());
            }
        }
        return OptionalLong.empty();
    }

    synchronized void unlock(long n) {
        if (states.get(n).status() == Status.PICKED) {
            states.put(n, new State(Status.UNPICKED, null));
        }
    }

    synchronized void pushed(long n) {
        acceptedPushes++;
    }

    synchronized int acceptedPushes() {
        return acceptedPushes;
    }

    synchronized void addProofBytes(long bytes) {
        proofBytes += bytes;
    }

    /** The oldest batch not generated (unpicked ones included, as upstream's query). */
    synchronized OptionalLong oldestNotGenerated() {
        return states.entrySet().stream()
                .filter(e -> e.getValue().status() != Status.GENERATED && e.getValue().status() != Status.REJECTED)
                .mapToLong(Map.Entry::getKey).findFirst();
    }

    /** Marks the batch generated; false if it already was. */
    synchronized boolean generated(long n) {
        boolean first = states.get(n).status() != Status.GENERATED;
        states.put(n, new State(Status.GENERATED, null));
        return first;
    }

    synchronized void rejected(long n) {
        states.put(n, new State(Status.REJECTED, null));
    }
}
