package io.provergateway.ops;

import io.provergateway.config.ApiConfig;
import io.provergateway.config.DatabaseConfig;
import io.provergateway.config.GatewayConfig;
import io.provergateway.config.MetricsConfig;
import io.provergateway.config.ObjectStoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A gateway configuration for the operations tests: FileBacked store, metrics on a free port, fast job stats. */
final class OpsConfig {
    private OpsConfig() {}

    static GatewayConfig of(String apiUrl, DatabaseConfig database, Path dir, Duration jobStatsInterval) {
        ApiConfig api = new ApiConfig(apiUrl, Duration.ofSeconds(2), Duration.ofSeconds(10), 64L << 20,
                Optional.empty(), Optional.empty());
        MetricsConfig metrics = new MetricsConfig("127.0.0.1", 0, Optional.empty(), Optional.empty(), jobStatsInterval);
        ObjectStoreConfig store = new ObjectStoreConfig(ObjectStoreConfig.Mode.FileBacked, Optional.empty(),
                Optional.empty(), Optional.of(dir.resolve("store")), 1, Optional.empty());
        return new GatewayConfig(api, Duration.ofMillis(200), metrics, store, database, dir.resolve("spool"),
                GatewayConfig.LogFormat.PLAIN);
    }

    static GatewayConfig withMetricsPort(GatewayConfig c, int port) {
        MetricsConfig m = c.metrics();
        return new GatewayConfig(c.api(), c.pollInterval(), new MetricsConfig(m.host(), port, m.pushgatewayUrl(),
                m.pushIntervalMs(), m.jobStatsInterval()), c.objectStore(), c.database(), c.spoolPath(), c.logFormat());
    }
}
