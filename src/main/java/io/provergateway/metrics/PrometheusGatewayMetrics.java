package io.provergateway.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Set;

/**
 * {@link GatewayMetrics} on the Prometheus Java client. Upstream series keep their exact upstream names and labels
 * (spec §7); our own series use the prefix {@code prover_gateway_}. Exposition goes through {@link PrometheusTextFormat},
 * which prints {@link #UPSTREAM_COUNTERS} without the {@code _total} suffix, as vise does.
 */
public final class PrometheusGatewayMetrics implements GatewayMetrics {
    public static final String HTTP_ERROR = "prover_fri_prover_fri_gateway_http_error";
    public static final String OBJECT_STORE_FETCHING_TIME = "server_object_store_fetching_time";
    public static final String OBJECT_STORE_STORING_TIME = "server_object_store_storing_time";
    public static final String JOBS = "prover_gateway_jobs";
    public static final String OLDEST_JOB_AGE = "prover_gateway_oldest_job_age_seconds";
    /** Counters that upstream dashboards query without {@code _total}. */
    public static final Set<String> UPSTREAM_COUNTERS = Set.of(HTTP_ERROR);
    /** vise {@code Buckets::LATENCIES}, in seconds. */
    static final double[] LATENCIES = {0.001, 0.005, 0.025, 0.1, 0.25, 1.0, 5.0, 30.0, 120.0};
    /** Stage durations include multi-gigabyte downloads, so the range reaches 30 minutes. */
    static final double[] STAGE_SECONDS = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800};

    private final PrometheusRegistry registry;
    private final PrometheusTextFormat format = new PrometheusTextFormat(UPSTREAM_COUNTERS);
    private final Counter httpError;
    private final Histogram fetchingTime;
    private final Histogram storingTime;
    private final Counter batchesStored;
    private final Counter witnessBytes;
    private final Counter payloadsRejected;
    private final Counter payloadsSuspicious;
    private final Counter coreErrors;
    private final Counter proofsSubmitted;
    private final Counter proofBytesSent;
    private final Histogram stageDuration;
    private final Counter taskFailures;
    private final Gauge oldestUnsentProofAge;
    private final Gauge proofsInBackoff;
    private final Gauge spoolPending;
    private final Gauge jobs;
    private final Gauge oldestJobAge;
    private final ServerRequestSeries serverRequests;

    /** Registers the gateway's series (not the JVM's) in {@code registry}. */
    public PrometheusGatewayMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        httpError = counter(HTTP_ERROR, null, "service_name");
        httpError.initLabelValues(FETCHER);
        httpError.initLabelValues(SUBMITTER);
        fetchingTime = histogram(OBJECT_STORE_FETCHING_TIME, null, LATENCIES, "bucket");
        storingTime = histogram(OBJECT_STORE_STORING_TIME, null, LATENCIES, "bucket");
        batchesStored = counter("prover_gateway_batches_stored", "Batches whose witness inputs were stored and queued");
        witnessBytes = counter("prover_gateway_witness_bytes_stored", "Bytes of witness_inputs blobs stored");
        payloadsRejected = counter("prover_gateway_payloads_rejected", "Malformed payloads from the core", "reason");
        payloadsSuspicious = counter("prover_gateway_payloads_suspicious",
                "Payloads stored as upstream stores them although they look wrong", "reason");
        coreErrors = counter("prover_gateway_core_errors",
                "Error answers from the core to data requests", "service_name");
        coreErrors.initLabelValues(FETCHER);
        proofsSubmitted = counter("prover_gateway_proofs_submitted", "Proof submissions by outcome", "outcome", "kind");
        proofBytesSent = counter("prover_gateway_proof_bytes_sent", "Bytes of proof submissions sent to the core");
        stageDuration = histogram("prover_gateway_stage_duration_seconds",
                "Duration of download, persist and submit stages", STAGE_SECONDS, "stage");
        taskFailures = counter("prover_gateway_task_failures", "Failed task iterations", "task", "kind");
        oldestUnsentProofAge = gauge("prover_gateway_oldest_unsent_proof_age_seconds",
                "Age of the oldest proof waiting to be sent; 0 when none waits");
        proofsInBackoff = gauge("prover_gateway_proofs_in_backoff", "Proofs held back after repeated rejection");
        spoolPending = gauge("prover_gateway_spool_pending", "Fetched payloads not yet committed to store and DB");
        jobs = gauge(JOBS, "Rows of the prover job tables by status", "table", "status");
        oldestJobAge = gauge(OLDEST_JOB_AGE,
                "Seconds since the oldest row in this status was last updated; 0 when none",
                "table", "status");
        serverRequests = new ServerRequestSeries(registry);
        preInitialize();
    }

    /** A fresh registry holding the gateway's series and the standard JVM and process metrics. */
    public static PrometheusGatewayMetrics withJvmMetrics() {
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        return new PrometheusGatewayMetrics(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** The current exposition in Prometheus text format 0.0.4 ({@link PrometheusTextFormat#CONTENT_TYPE}). */
    public String scrape() {
        return format.write(registry.scrape());
    }

    private void preInitialize() {
        for (String outcome : new String[] {"acknowledged", "rejected", "failed"}) {
            proofsSubmitted.initLabelValues(outcome, "proof");
            proofsSubmitted.initLabelValues(outcome, "skipped");
        }
        for (String stage : new String[] {"download", "persist", "submit"}) {
            stageDuration.initLabelValues(stage);
        }
        for (String reason : new String[] {"malformed", "too_large", "bad_reply"}) {
            payloadsRejected.initLabelValues(reason);
        }
        for (String bucket : new String[] {"witness_inputs", "proofs_fri"}) {
            fetchingTime.initLabelValues(bucket);
            storingTime.initLabelValues(bucket);
        }
    }

    private Counter counter(String name, String help, String... labels) {
        Counter.Builder builder = Counter.builder().name(name).labelNames(labels);
        return (help == null ? builder : builder.help(help)).withoutExemplars().register(registry);
    }

    private Histogram histogram(String name, String help, double[] bounds, String... labels) {
        Histogram.Builder builder = Histogram.builder().name(name).labelNames(labels).classicOnly()
                .classicUpperBounds(bounds);
        return (help == null ? builder : builder.help(help)).withoutExemplars().register(registry);
    }

    private Gauge gauge(String name, String help, String... labels) {
        return Gauge.builder().name(name).help(help).labelNames(labels).withoutExemplars().register(registry);
    }

    private static double seconds(Duration elapsed) {
        return Math.max(0, elapsed.toNanos()) / 1e9;
    }

    @Override
    public void httpError(String serviceName) {
        httpError.labelValues(serviceName).inc();
    }

    @Override
    public void blobStored(String bucket, long bytes, Duration elapsed) {
        storingTime.labelValues(bucket).observe(seconds(elapsed));
    }

    @Override
    public void blobFetched(String bucket, long bytes, Duration elapsed) {
        fetchingTime.labelValues(bucket).observe(seconds(elapsed));
    }

    @Override
    public void batchStored(long bytes, Duration download, Duration persist) {
        batchesStored.inc();
        witnessBytes.inc(Math.max(0, bytes));
        stageDuration.labelValues("download").observe(seconds(download));
        stageDuration.labelValues("persist").observe(seconds(persist));
    }

    @Override
    public void payloadRejected(String reason) {
        payloadsRejected.labelValues(reason).inc();
    }

    @Override
    public void payloadSuspicious(String reason) {
        payloadsSuspicious.labelValues(reason).inc();
    }

    @Override
    public void coreReportedError(String serviceName) {
        coreErrors.labelValues(serviceName).inc();
    }

    @Override
    public void proofSubmitted(String outcome, boolean skipped, long bytes, Duration elapsed) {
        proofsSubmitted.labelValues(outcome, skipped ? "skipped" : "proof").inc();
        proofBytesSent.inc(Math.max(0, bytes));
        stageDuration.labelValues("submit").observe(seconds(elapsed));
    }

    @Override
    public void taskFailed(String task, String kind) {
        taskFailures.labelValues(task, kind).inc();
    }

    @Override
    public void oldestUnsentProof(Duration age) {
        oldestUnsentProofAge.set(seconds(age));
    }

    @Override
    public void proofsInBackoff(int count) {
        proofsInBackoff.set(count);
    }

    @Override
    public void spoolPending(int count) {
        spoolPending.set(count);
    }

    @Override
    public void jobCount(String table, String status, long count) {
        jobs.labelValues(table, status).set(count);
    }

    @Override
    public void oldestJobAge(String table, String status, Duration age) {
        oldestJobAge.labelValues(table, status).set(seconds(age));
    }

    @Override
    public void serverRequest(String route, int status, long requestBytes, long responseBytes, Duration elapsed) {
        serverRequests.record(route, status, requestBytes, responseBytes, elapsed);
    }
}
