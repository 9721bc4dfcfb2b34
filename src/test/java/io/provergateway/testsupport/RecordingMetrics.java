package io.provergateway.testsupport;

import io.provergateway.metrics.GatewayMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts every domain event by name (plus its label), for assertions like {@code count("httpError:ProofSubmitter")}. */
public final class RecordingMetrics implements GatewayMetrics {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private volatile Duration oldestUnsentProof = Duration.ZERO;
    private volatile int proofsInBackoff;

    public long count(String event) {
        AtomicLong value = counts.get(event);
        return value == null ? 0 : value.get();
    }

    public Duration oldestUnsentProof() {
        return oldestUnsentProof;
    }

    public int proofsInBackoff() {
        return proofsInBackoff;
    }

    private void add(String event) {
        counts.computeIfAbsent(event, k -> new AtomicLong()).incrementAndGet();
    }

    @Override public void httpError(String serviceName) {
        add("httpError:" + serviceName);
    }

    @Override public void blobStored(String bucket, long bytes, Duration elapsed) {
        add("blobStored:" + bucket);
    }

    @Override public void blobFetched(String bucket, long bytes, Duration elapsed) {
        add("blobFetched:" + bucket);
    }

    @Override public void batchStored(long witnessBytes, Duration download, Duration persist) {
        add("batchStored");
    }

    @Override public void payloadRejected(String reason) {
        add("payloadRejected:" + reason);
    }

    @Override public void coreReportedError(String serviceName) {
        add("coreReportedError:" + serviceName);
    }

    @Override public void proofSubmitted(String outcome, boolean skipped, long bytes, Duration elapsed) {
        add("proofSubmitted:" + outcome);
    }

    @Override public void taskFailed(String task, String kind) {
        add("taskFailed:" + task + ":" + kind);
    }

    @Override public void oldestUnsentProof(Duration age) {
        oldestUnsentProof = age;
    }

    @Override public void proofsInBackoff(int count) {
        proofsInBackoff = count;
    }

    @Override public void spoolPending(int count) {}
}
