package io.provergateway.config;

import java.nio.file.Path;
import java.time.Duration;

/** The whole validated configuration of one gateway process. */
public record GatewayConfig(
        ApiConfig api,
        Duration pollInterval,
        MetricsConfig metrics,
        ObjectStoreConfig objectStore,
        DatabaseConfig database,
        Path spoolPath,
        LogFormat logFormat) {

    public enum LogFormat { PLAIN, JSON }
}
