package io.provergateway.config;

import java.util.Locale;

/**
 * Which upstream protocol generation the gateway speaks (upstream {@code prover_gateway.api_mode}, env
 * {@code FRI_PROVER_GATEWAY_API_MODE}). Each is a whole profile: transport, object codec and prover-DB dialect.
 */
public enum ApiMode {
    /** Via / zksync-era core-v25.4 pull mode: HTTP client of the core, bincode objects, the 25.4 schema. */
    Legacy,
    /** zksync-era push mode (core ≥ v27.5): HTTP server the core calls, CBOR objects, the chain-id schema. */
    ProverCluster;

    /** Parses {@code text} given as {@code source} (e.g. a command-line option); errors name the source. */
    public static ApiMode parse(String source, String text) {
        return parse(new ConfigValue(source, text));
    }

    /** Upstream names, with smart-config's case coercion ({@code PROVER_CLUSTER}, {@code prover_cluster}). */
    static ApiMode parse(ConfigValue value) {
        String normalized = value.text().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        for (ApiMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(normalized)) {
                return mode;
            }
        }
        throw value.invalid("is not one of Legacy, ProverCluster");
    }
}
