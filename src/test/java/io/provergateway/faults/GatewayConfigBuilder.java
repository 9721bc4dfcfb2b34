package io.provergateway.faults;

import io.provergateway.config.ApiConfig;
import io.provergateway.config.DatabaseConfig;
import io.provergateway.config.GatewayConfig;
import io.provergateway.config.MetricsConfig;
import io.provergateway.config.ObjectStoreConfig;
import io.provergateway.config.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds a {@link GatewayConfig} the way the devnet does (FileBacked store, metrics on a free port, own spool), with
 * short poll intervals for tests and the API knobs the fault tests turn.
 */
final class GatewayConfigBuilder {
    private String baseUrl;
    private DatabaseConfig database;
    private Path storeBase;
    private Path spool;
    private Duration pollInterval = Duration.ofMillis(200);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private long maxResponseBytes = 256L * 1024 * 1024;
    private Optional<Path> caCert = Optional.empty();
    private Optional<Secret> token = Optional.empty();

    GatewayConfigBuilder(String baseUrl, DatabaseConfig database, Path storeBase, Path spool) {
        this.baseUrl = baseUrl;
        this.database = database;
        this.storeBase = storeBase;
        this.spool = spool;
    }

    GatewayConfigBuilder baseUrl(String value) {
        baseUrl = value;
        return this;
    }

    GatewayConfigBuilder pollInterval(Duration value) {
        pollInterval = value;
        return this;
    }

    GatewayConfigBuilder spool(Path value) {
        spool = value;
        return this;
    }

    GatewayConfigBuilder requestTimeout(Duration value) {
        requestTimeout = value;
        return this;
    }

    GatewayConfigBuilder maxResponseBytes(long value) {
        maxResponseBytes = value;
        return this;
    }

    GatewayConfigBuilder caCert(Path value) {
        caCert = Optional.of(value);
        return this;
    }

    GatewayConfigBuilder token(String value) {
        token = Optional.of(new Secret(value));
        return this;
    }

    GatewayConfig build() {
        ApiConfig api = new ApiConfig(baseUrl, connectTimeout, requestTimeout, maxResponseBytes, caCert, token);
        MetricsConfig metrics = new MetricsConfig("127.0.0.1", 0, Optional.empty(), Optional.empty());
        ObjectStoreConfig store = new ObjectStoreConfig(ObjectStoreConfig.Mode.FileBacked, Optional.empty(),
                Optional.empty(), Optional.of(storeBase), 2, Optional.empty());
        return new GatewayConfig(api, pollInterval, metrics, store, database, spool, GatewayConfig.LogFormat.PLAIN);
    }
}
