package io.provergateway.config;

import java.util.Optional;

/** A group of settings addressed by field name, e.g. the {@code prover_gateway} YAML section or the env vars with prefix {@code FRI_PROVER_GATEWAY_}. */
interface Section {

    /** The full name the operator writes for {@code field}: the env var or the dotted YAML key. */
    String key(String field);

    /** The field's value; absent, empty or null values are {@link Optional#empty()}. */
    Optional<ConfigValue> optional(String field);

    default ConfigValue required(String field) {
        return optional(field).orElseThrow(() -> new ConfigException(key(field) + " is required but not set"));
    }
}
