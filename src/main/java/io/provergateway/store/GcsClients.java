package io.provergateway.store;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.provergateway.config.ConfigException;
import io.provergateway.config.ObjectStoreConfig;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the GCS client: the HTTP/JSON transport (never gRPC), {@code STORAGE_EMULATOR_HOST} as the host when set
 * (the Java client does not read it itself), no client retries (a plain {@code create} would not be retried at all,
 * and the rest would break upstream's schedule; {@link RetryingBlobStore} retries), and the per-attempt stall limit
 * as the read timeout and, for request bodies (which have no write timeout), through {@link GcsUploadWatchdog}.
 */
final class GcsClients {
    static final String PUBLIC_HOST = "https://storage.googleapis.com";
    private static final Logger LOG = LoggerFactory.getLogger(GcsClients.class);

    private GcsClients() {}

    static Storage create(ObjectStoreConfig config, Map<String, String> env, StoreTimeouts timeouts) {
        String host = emulatorHost(env).orElse(PUBLIC_HOST);
        GcsCredentials.Resolved credentials = GcsCredentials.resolve(config, env);
        String project = credentials.credentials() instanceof ServiceAccountCredentials sa && sa.getProjectId() != null
                ? sa.getProjectId() : "prover-gateway";
        LOG.info("gcs_store bucket={} host={} credentials=\"{}\"", config.bucketBaseUrl().orElse(""), host,
                credentials.source());
        return StorageOptions.http()
                .setHost(host)
                .setProjectId(project)
                .setCredentials(credentials.credentials())
                .setRetrySettings(ServiceOptions.getNoRetrySettings())
                .setTransportOptions(new GcsUploadWatchdog(timeouts.stall()).transportOptions(
                        Math.toIntExact(timeouts.connect().toMillis()), Math.toIntExact(timeouts.stall().toMillis())))
                .build()
                .getService();
    }

    /** {@code STORAGE_EMULATOR_HOST}, e.g. {@code http://127.0.0.1:4443} (a bare {@code host:port} means http). */
    static Optional<String> emulatorHost(Map<String, String> env) {
        String value = env.get("STORAGE_EMULATOR_HOST");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String host = value.contains("://") ? value.trim() : "http://" + value.trim();
        try {
            URI uri = URI.create(host);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("STORAGE_EMULATOR_HOST=\"" + value + "\" is not a host:port or http(s) URL");
        }
        return Optional.of(host.endsWith("/") ? host.substring(0, host.length() - 1) : host);
    }
}
