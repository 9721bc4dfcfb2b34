package io.provergateway.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Env vars sharing a prefix; field {@code api_url} with prefix {@code FRI_PROVER_GATEWAY_} is {@code FRI_PROVER_GATEWAY_API_URL}. */
record EnvSection(Map<String, String> env, String prefix) implements Section {

    @Override
    public String key(String field) {
        return prefix + field.toUpperCase(Locale.ROOT);
    }

    @Override
    public Optional<ConfigValue> optional(String field) {
        String name = key(field);
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty()).map(v -> new ConfigValue(name, v));
    }
}
