package io.provergateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The whole validated configuration of one gateway process. */
public record GatewayConfig(
        ApiConfig api,
        Duration pollInterval,
        MetricsConfig metrics,
        ObjectStoreConfig objectStore,
        DatabaseConfig database,
        Path spoolPath,
        LogFormat logFormat,
        RecoveryConfig recovery,
        ApiMode apiMode,
        Optional<PushServerConfig> pushServer) {

    /** A Legacy (pull) configuration with the default {@link RecoveryConfig} (shutdown grace, refused-proof hold). */
    public GatewayConfig(ApiConfig api, Duration pollInterval, MetricsConfig metrics, ObjectStoreConfig objectStore,
            DatabaseConfig database, Path spoolPath, LogFormat logFormat) {
        this(api, pollInterval, metrics, objectStore, database, spoolPath, logFormat, RecoveryConfig.DEFAULTS);
    }

    /** A Legacy (pull) configuration. */
    public GatewayConfig(ApiConfig api, Duration pollInterval, MetricsConfig metrics, ObjectStoreConfig objectStore,
            DatabaseConfig database, Path spoolPath, LogFormat logFormat, RecoveryConfig recovery) {
        this(api, pollInterval, metrics, objectStore, database, spoolPath, logFormat, recovery, ApiMode.Legacy,
                Optional.empty());
    }

    /** The same configuration in the ProverCluster profile, serving on {@code server}. */
    public GatewayConfig withPushServer(PushServerConfig server) {
        return new GatewayConfig(api, pollInterval, metrics, objectStore, database, spoolPath, logFormat, recovery,
                ApiMode.ProverCluster, Optional.of(server));
    }

    public enum LogFormat { PLAIN, JSON }
}
