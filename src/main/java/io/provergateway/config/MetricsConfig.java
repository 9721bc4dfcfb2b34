package io.provergateway.config;

import java.util.Optional;

/** The Prometheus pull listener; the pushgateway settings are accepted for compatibility and unused (as upstream). */
public record MetricsConfig(String host, int port, Optional<String> pushgatewayUrl, Optional<Long> pushIntervalMs) {}
