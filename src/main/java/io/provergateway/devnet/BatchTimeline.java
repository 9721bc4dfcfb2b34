package io.provergateway.devnet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * When each batch of a devnet run was fetched, proven and acknowledged (first time each), and the bytes moved.
 * Records {@link BatchEvents}; thread-safe; waiters are woken on every change.
 */
public final class BatchTimeline implements BatchEvents {
    private final Clock clock;
    private final Map<Long, Stamps> batches = new TreeMap<>();
    private long witnessBytes;
    private long proofBytes;
    private long submittedBytes;
    private final List<String> problems = new ArrayList<>();
    private final Map<Long, String> lastRejection = new TreeMap<>();

    public BatchTimeline(Clock clock) {
        this.clock = clock;
    }

    /** The stage stamps of one batch; a stage not reached yet is null. */
    record Stamps(Instant fetched, Instant proven, Instant acknowledged, boolean skipped) {}

    /** Latency statistics of one stage over the batches that completed it. */
    public record Latency(Duration min, Duration median, Duration max, int samples) {}

    @Override
    public synchronized void fetched(long n, long bytes) {
        witnessBytes += bytes;
        Stamps s = stamps(n);
        batches.put(n, new Stamps(s.fetched() == null ? clock.instant() : s.fetched(), s.proven(), s.acknowledged(),
                s.skipped()));
        notifyAll();
    }

    @Override
    public synchronized void proven(long n, boolean skipped, long bytes) {
        proofBytes += bytes;
        Stamps s = stamps(n);
        batches.put(n, new Stamps(s.fetched(), s.proven() == null ? clock.instant() : s.proven(), s.acknowledged(),
                skipped));
        notifyAll();
    }

    @Override
    public synchronized void acknowledged(long n, boolean skipped, long bytes) {
        submittedBytes += bytes;
        Stamps s = stamps(n);
        batches.put(n, new Stamps(s.fetched(), s.proven(), s.acknowledged() == null ? clock.instant() : s.acknowledged(),
                s.skipped()));
        notifyAll();
    }

    @Override
    public synchronized void rejected(long n, String reason) {
        lastRejection.put(n, reason);
        notifyAll();
    }

    @Override
    public synchronized void failed(long n, String reason) {
        problems.add("batch " + n + ": " + reason);
        notifyAll();
    }

    private Stamps stamps(long n) {
        return batches.getOrDefault(n, new Stamps(null, null, null, false));
    }

    public synchronized boolean wasFetched(long n) {
        return stamps(n).fetched() != null;
    }

    public synchronized int fetchedCount() {
        return count(Stamps::fetched);
    }

    public synchronized int provenCount() {
        return count(Stamps::proven);
    }

    public synchronized int acknowledgedCount() {
        return count(Stamps::acknowledged);
    }

    public synchronized long witnessBytes() {
        return witnessBytes;
    }

    public synchronized long proofBytes() {
        return proofBytes;
    }

    public synchronized long submittedBytes() {
        return submittedBytes;
    }

    /** Failures a simulator reported; a devnet run cannot finish once there is one. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** The latest reason the core gave for refusing a submission of this batch, if it ever did. */
    public synchronized Optional<String> lastRejection(long n) {
        return Optional.ofNullable(lastRejection.get(n));
    }

    /** Where batch {@code n} stands, for an operator reading why a run did not finish. */
    public synchronized String describe(long n) {
        Stamps s = stamps(n);
        String where = s.fetched() == null ? "never handed out by the core"
                : s.proven() == null ? "handed out, but no proof was written (is the witness job queued?)"
                : s.acknowledged() == null ? "proven, but the core has not acknowledged it" : "acknowledged";
        return "batch " + n + " " + where + lastRejection(n).map(r -> "; the core last refused it: " + r).orElse("");
    }

    /** Waits until the predicate holds or the deadline passes; true if it holds. */
    public synchronized boolean awaitUntil(java.util.function.Predicate<BatchTimeline> condition, Instant deadline)
            throws InterruptedException {
        while (!condition.test(this)) {
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 1000));
        }
        return true;
    }

    public synchronized Optional<Latency> fetchToProven() {
        return latency(Stamps::fetched, Stamps::proven);
    }

    public synchronized Optional<Latency> provenToAcknowledged() {
        return latency(Stamps::proven, Stamps::acknowledged);
    }

    public synchronized Optional<Latency> total() {
        return latency(Stamps::fetched, Stamps::acknowledged);
    }

    private int count(Function<Stamps, Instant> stage) {
        return (int) batches.values().stream().filter(s -> stage.apply(s) != null).count();
    }

    private Optional<Latency> latency(Function<Stamps, Instant> from, Function<Stamps, Instant> to) {
        List<Duration> samples = batches.values().stream()
                .filter(s -> from.apply(s) != null && to.apply(s) != null)
                .map(s -> Duration.between(from.apply(s), to.apply(s)))
                .sorted()
                .toList();
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Latency(samples.get(0), samples.get(samples.size() / 2),
                samples.get(samples.size() - 1), samples.size()));
    }
}
