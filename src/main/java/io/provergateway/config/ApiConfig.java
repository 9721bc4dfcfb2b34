package io.provergateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the core's proof data handler. {@code requestTimeout} bounds silence: no response, or no body bytes,
 * for that long fails the exchange; a slow but steady body is fine. {@code acceptZstd} asks the core for zstd
 * responses ({@code FRI_PROVER_GATEWAY_API_ZSTD}, default on).
 */
public record ApiConfig(
        String baseUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        long maxResponseBytes,
        Optional<Path> caCertPath,
        Optional<Secret> token,
        boolean acceptZstd) {

    /** With zstd on (the default). */
    public ApiConfig(String baseUrl, Duration connectTimeout, Duration requestTimeout, long maxResponseBytes,
            Optional<Path> caCertPath, Optional<Secret> token) {
        this(baseUrl, connectTimeout, requestTimeout, maxResponseBytes, caCertPath, token, true);
    }
}
