package io.provergateway.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The Prometheus pull listener; the pushgateway settings are accepted for compatibility and unused (as upstream).
 * {@code jobStatsInterval} ({@code FRI_PROVER_GATEWAY_JOB_STATS_INTERVAL_SECS}, ours) is how often the job gauges
 * are refreshed from the prover DB.
 */
public record MetricsConfig(String host, int port, Optional<String> pushgatewayUrl, Optional<Long> pushIntervalMs,
        Duration jobStatsInterval) {
    public static final Duration DEFAULT_JOB_STATS_INTERVAL = Duration.ofSeconds(30);

    /** With the default job statistics interval. */
    public MetricsConfig(String host, int port, Optional<String> pushgatewayUrl, Optional<Long> pushIntervalMs) {
        this(host, port, pushgatewayUrl, pushIntervalMs, DEFAULT_JOB_STATS_INTERVAL);
    }
}
