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
        LogFormat logFormat,
        RecoveryConfig recovery) {

    /** With the default {@link RecoveryConfig} (shutdown grace, refused-proof hold). */
    public GatewayConfig(ApiConfig api, Duration pollInterval, MetricsConfig metrics, ObjectStoreConfig objectStore,
            DatabaseConfig database, Path spoolPath, LogFormat logFormat) {
        this(api, pollInterval, metrics, objectStore, database, spoolPath, logFormat, RecoveryConfig.DEFAULTS);
    }

    public enum LogFormat { PLAIN, JSON }
}
