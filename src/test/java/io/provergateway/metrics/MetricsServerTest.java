package io.provergateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.provergateway.config.MetricsConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    private static final MetricsConfig EPHEMERAL = new MetricsConfig("127.0.0.1", 0, Optional.empty(), Optional.empty());

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicReference<Readiness> readiness =
            new AtomicReference<>(new Readiness(List.of(), List.of()));
    private PrometheusGatewayMetrics metrics;
    private MetricsServer server;

    @BeforeEach
    void start() {
        metrics = new PrometheusGatewayMetrics(new PrometheusRegistry());
        server = new MetricsServer(EPHEMERAL, metrics, readiness::get);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<String> scrapeLines() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        return response.body().lines().toList();
    }

    @Test
    void exposesUpstreamHttpErrorCounter_byItsExactUpstreamName() throws Exception {
        metrics.httpError(GatewayMetrics.SUBMITTER);

        List<String> lines = scrapeLines();

        assertThat(lines).contains(
                "# TYPE prover_fri_prover_fri_gateway_http_error counter",
                "prover_fri_prover_fri_gateway_http_error{service_name=\"ProofSubmitter\"} 1",
                "prover_fri_prover_fri_gateway_http_error{service_name=\"ProofGenDataFetcher\"} 0");
        assertThat(lines).noneMatch(line -> line.startsWith("prover_fri_prover_fri_gateway_http_error_total"))
                .noneMatch(line -> line.startsWith("# HELP prover_fri_prover_fri_gateway_http_error"));
    }

    @Test
    void exposesUpstreamObjectStoreHistograms_withViseLatencyBuckets() throws Exception {
        metrics.blobStored("witness_inputs", 1000, Duration.ofMillis(20));
        metrics.blobFetched("proofs_fri", 1723, Duration.ofSeconds(2));

        List<String> lines = scrapeLines();

        assertThat(lines).contains(
                "# TYPE server_object_store_storing_time histogram",
                "server_object_store_storing_time_bucket{bucket=\"witness_inputs\",le=\"0.005\"} 0",
                "server_object_store_storing_time_bucket{bucket=\"witness_inputs\",le=\"0.025\"} 1",
                "server_object_store_storing_time_bucket{bucket=\"witness_inputs\",le=\"120.0\"} 1",
                "server_object_store_storing_time_bucket{bucket=\"witness_inputs\",le=\"+Inf\"} 1",
                "server_object_store_storing_time_sum{bucket=\"witness_inputs\"} 0.02",
                "server_object_store_storing_time_count{bucket=\"witness_inputs\"} 1",
                "server_object_store_fetching_time_bucket{bucket=\"proofs_fri\",le=\"1.0\"} 0",
                "server_object_store_fetching_time_bucket{bucket=\"proofs_fri\",le=\"5.0\"} 1");
        assertThat(lines.stream().filter(
                l -> l.startsWith("server_object_store_storing_time_bucket{bucket=\"witness_inputs\""))).hasSize(10);
    }

    @Test
    void exposesOwnSeries_withTotalSuffixOnCounters() throws Exception {
        metrics.batchStored(4096, Duration.ofSeconds(3), Duration.ofMillis(200));
        metrics.payloadRejected("bad_json");
        metrics.coreReportedError(GatewayMetrics.FETCHER);
        metrics.proofSubmitted("acknowledged", false, 1723, Duration.ofMillis(300));
        metrics.proofSubmitted("rejected", true, 20, Duration.ofMillis(10));
        metrics.taskFailed(GatewayMetrics.SUBMITTER, "database");
        metrics.oldestUnsentProof(Duration.ofSeconds(90));
        metrics.proofsInBackoff(2);
        metrics.spoolPending(1);

        assertThat(scrapeLines()).contains(
                "# TYPE prover_gateway_batches_stored_total counter",
                "prover_gateway_batches_stored_total 1",
                "prover_gateway_witness_bytes_stored_total 4096",
                "prover_gateway_payloads_rejected_total{reason=\"bad_json\"} 1",
                "prover_gateway_core_errors_total{service_name=\"ProofGenDataFetcher\"} 1",
                "prover_gateway_proofs_submitted_total{kind=\"proof\",outcome=\"acknowledged\"} 1",
                "prover_gateway_proofs_submitted_total{kind=\"skipped\",outcome=\"rejected\"} 1",
                "prover_gateway_proofs_submitted_total{kind=\"proof\",outcome=\"failed\"} 0",
                "prover_gateway_proof_bytes_sent_total 1743",
                "prover_gateway_stage_duration_seconds_count{stage=\"download\"} 1",
                "prover_gateway_stage_duration_seconds_bucket{stage=\"persist\",le=\"0.25\"} 1",
                "prover_gateway_stage_duration_seconds_count{stage=\"submit\"} 2",
                "prover_gateway_task_failures_total{kind=\"database\",task=\"ProofSubmitter\"} 1",
                "# TYPE prover_gateway_oldest_unsent_proof_age_seconds gauge",
                "prover_gateway_oldest_unsent_proof_age_seconds 90",
                "prover_gateway_proofs_in_backoff 2",
                "prover_gateway_spool_pending 1");
    }

    @Test
    void answersAnyOtherPathWithMetrics_likeUpstream() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("# TYPE prover_fri_prover_fri_gateway_http_error counter");
        assertThat(get("/anything/else").body()).contains("prover_fri_prover_fri_gateway_http_error");
    }

    @Test
    void health_isOk_whenHealthy() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void health_staysOk_whileNotReady() throws Exception {
        readiness.set(new Readiness(List.of("database: connection refused"), List.of()));

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void ready_is200WithWarnings_whenOnlyTheCoreHasTrouble() throws Exception {
        readiness.set(new Readiness(List.of(), List.of("core: ProofGenDataFetcher failing kind=core_transport")));

        HttpResponse<String> response = get("/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo(
                "{\"status\":\"ready\",\"warnings\":[\"core: ProofGenDataFetcher failing kind=core_transport\"]}");
    }

    @Test
    void ready_is503NamingEveryReason_whenNotReady() throws Exception {
        readiness.set(new Readiness(List.of("database: connection refused", "object_store: bucket missing"),
                List.of()));

        HttpResponse<String> response = get("/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"not_ready\",\"reasons\":[\"database: connection refused\","
                + "\"object_store: bucket missing\"],\"warnings\":[]}");
    }

    @Test
    void failsToStart_namingHostAndPort_whenPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            MetricsServer clash = new MetricsServer(
                    new MetricsConfig("127.0.0.1", port, Optional.empty(), Optional.empty()), metrics,
                    HealthCheck.ALWAYS_HEALTHY);

            assertThatThrownBy(clash::start)
                    .isInstanceOf(MetricsServerException.class)
                    .hasMessageStartingWith("cannot bind metrics listener to 127.0.0.1:" + port + ": ");
        }
    }

    @Test
    void failsToStart_namingHost_whenHostIsUnknown() {
        MetricsServer unknown = new MetricsServer(
                new MetricsConfig("no-such-host.invalid", 9, Optional.empty(), Optional.empty()), metrics,
                HealthCheck.ALWAYS_HEALTHY);

        assertThatThrownBy(unknown::start).hasMessage(
                "cannot bind metrics listener to no-such-host.invalid:9: unknown host");
    }

    @Test
    void stopsListening_afterClose() {
        int port = server.port();
        server.close();

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
