package io.provergateway.metrics;

import java.time.Duration;

/**
 * What the gateway reports, named as domain events. Business code only talks to this interface; the Prometheus
 * adapter maps events onto the upstream series and our own {@code prover_gateway_*} series. Batch numbers are never
 * labels.
 */
public interface GatewayMetrics {
    /** Upstream service names, used as the {@code service_name} label of the upstream http_error counter. */
    String FETCHER = "ProofGenDataFetcher";
    String SUBMITTER = "ProofSubmitter";

    /** A transport, HTTP-status or response-decoding failure talking to the core (upstream {@code http_error}). */
    void httpError(String serviceName);

    /** An object was written to the store (upstream {@code server_object_store_storing_time{bucket}}). */
    void blobStored(String bucket, long bytes, Duration elapsed);

    /** An object was read from the store (upstream {@code server_object_store_fetching_time{bucket}}). */
    void blobFetched(String bucket, long bytes, Duration elapsed);

    /** A batch's witness inputs were received, stored and queued. */
    void batchStored(long witnessBytes, Duration download, Duration persist);

    /** A payload from the core was rejected as malformed; {@code reason} is a short fixed word. */
    void payloadRejected(String reason);

    /** The core answered {@code {"Error": ...}} to a data request. */
    void coreReportedError(String serviceName);

    /** A proof submission ended; outcome is one of {@code acknowledged}, {@code rejected}, {@code failed}. */
    void proofSubmitted(String outcome, boolean skipped, long bytes, Duration elapsed);

    /** A task's iteration failed; {@code task} is the service name, {@code kind} a short classification. */
    void taskFailed(String task, String kind);

    /** The age of the oldest proof waiting to be sent, or zero when none waits. */
    void oldestUnsentProof(Duration age);

    /** Proofs currently held back after repeated rejection. */
    void proofsInBackoff(int count);

    /** Fetched payloads in the spool that are not yet committed to store and DB. */
    void spoolPending(int count);

    /** Rows of {@code table} ({@code witness_inputs_fri}, {@code proof_compression_jobs_fri}) in {@code status}. */
    /** A payload upstream accepts but that looks wrong (stored as upstream stores it). */
    default void payloadSuspicious(String reason) {}

    default void jobCount(String table, String status, long count) {}

    /** Time since the oldest row of {@code table} in {@code status} was last updated; zero when there is none. */
    default void oldestJobAge(String table, String status, Duration age) {}
    /**
     * The ProverCluster server answered a request on {@code route} ({@code submit_request_for_proofs},
     * {@code poll_generated_proofs}, {@code other}) with {@code status}.
     */
    default void serverRequest(String route, int status, long requestBytes, long responseBytes, Duration elapsed) {}

    GatewayMetrics NOOP = new GatewayMetrics() {
        @Override public void httpError(String serviceName) {}
        @Override public void blobStored(String bucket, long bytes, Duration elapsed) {}
        @Override public void blobFetched(String bucket, long bytes, Duration elapsed) {}
        @Override public void batchStored(long witnessBytes, Duration download, Duration persist) {}
        @Override public void payloadRejected(String reason) {}
        @Override public void coreReportedError(String serviceName) {}
        @Override public void proofSubmitted(String outcome, boolean skipped, long bytes, Duration elapsed) {}
        @Override public void taskFailed(String task, String kind) {}
        @Override public void oldestUnsentProof(Duration age) {}
        @Override public void proofsInBackoff(int count) {}
        @Override public void spoolPending(int count) {}
    };
}
