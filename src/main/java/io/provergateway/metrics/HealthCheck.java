package io.provergateway.metrics;

import java.util.Optional;

/** Whether the gateway is healthy, as answered on {@code /health}. Implementations must be fast and never block. */
@FunctionalInterface
public interface HealthCheck {

    /** Empty when healthy; otherwise a short reason for operators (never a secret). */
    Optional<String> unhealthyReason();

    HealthCheck ALWAYS_HEALTHY = Optional::empty;
}
