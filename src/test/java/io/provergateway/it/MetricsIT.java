package io.provergateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreFault;
import io.provergateway.devnet.CoreRoute;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running jar's Prometheus listener: upstream series with upstream names and types, our own, and /health. */
class MetricsIT {
    private static final String HTTP_ERROR_FETCHER =
            "prover_fri_prover_fri_gateway_http_error{service_name=\"ProofGenDataFetcher\"} ";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private CoreSimulator core;
    private GatewayProcess gateway;
    private int metricsPort;

    @BeforeEach
    void startGateway() throws Exception {
        core = CoreSimulator.start(CoreSimulator.Settings.defaults().withMode(CommitmentMode.VALIDIUM));
        core.injectFault(CoreRoute.PROOF_GENERATION_DATA, CoreFault.httpStatus(502), 1);
        core.addBatches(1);
        metricsPort = GatewayEnv.freePort();
        GatewayEnv env = GatewayEnv.of(core.baseUrl().toString(), TestPostgres.freshDatabase().rustUrl(),
                dir.resolve("store"), dir.resolve("spool"), metricsPort);
        gateway = GatewayProcess.start(env.toMap(), dir.resolve("work"), "gateway");
        gateway.awaitOutput("gateway started", Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        core.close();
    }

    @Test
    void exposesUpstreamAndOwnSeries_afterAFailedAndASuccessfulFetch() throws Exception {
        await().atMost(Duration.ofSeconds(60)).failFast(() -> !gateway.isAlive())
                .until(() -> get("/metrics").body().contains("prover_gateway_batches_stored_total 1"));

        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        String body = metrics.body();
        assertThat(body.lines()).contains("# TYPE prover_fri_prover_fri_gateway_http_error counter")
                .anySatisfy(line -> assertThat(line).startsWith(HTTP_ERROR_FETCHER)
                        .satisfies(l -> assertThat(Double.parseDouble(l.substring(HTTP_ERROR_FETCHER.length())))
                                .isGreaterThanOrEqualTo(1)))
                .anyMatch(line -> line.startsWith("server_object_store_storing_time_bucket{bucket=\"witness_inputs\",le="))
                .anyMatch(line -> line.startsWith("prover_gateway_batches_stored_total "));
        assertThat(body).doesNotContain("prover_fri_prover_fri_gateway_http_error_total");

        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(gateway.terminate(Duration.ofSeconds(10))).as(gateway.output()).isZero();
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path))
                .timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
