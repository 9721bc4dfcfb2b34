package io.provergateway.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;

/**
 * Our per-route series of the ProverCluster profile's HTTP server (upstream has none, push-mode spec §2.8):
 * requests by route and status, request and response bytes, and durations. {@code route} is the path without its
 * slash, or {@code other} for unknown paths.
 */
final class ServerRequestSeries {
    /** From a poll answered from the DB in milliseconds to a multi-gigabyte push. */
    private static final double[] SECONDS = {0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

    private final Counter requests;
    private final Counter requestBytes;
    private final Counter responseBytes;
    private final Histogram duration;

    ServerRequestSeries(PrometheusRegistry registry) {
        requests = Counter.builder().name("prover_gateway_server_requests")
                .help("Requests the core made to the gateway's server, by route and status")
                .labelNames("route", "status").withoutExemplars().register(registry);
        requestBytes = Counter.builder().name("prover_gateway_server_request_bytes")
                .help("Request body bytes read, by route").labelNames("route").withoutExemplars().register(registry);
        responseBytes = Counter.builder().name("prover_gateway_server_response_bytes")
                .help("Response body bytes written, by route").labelNames("route").withoutExemplars()
                .register(registry);
        duration = Histogram.builder().name("prover_gateway_server_request_duration_seconds")
                .help("Time from request to response, by route").labelNames("route").classicOnly()
                .classicUpperBounds(SECONDS).withoutExemplars().register(registry);
    }

    void record(String route, int status, long bytesIn, long bytesOut, Duration elapsed) {
        requests.labelValues(route, Integer.toString(status)).inc();
        requestBytes.labelValues(route).inc(Math.max(0, bytesIn));
        responseBytes.labelValues(route).inc(Math.max(0, bytesOut));
        duration.labelValues(route).observe(Math.max(0, elapsed.toNanos()) / 1e9);
    }
}
