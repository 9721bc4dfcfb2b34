package io.provergateway.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a setting the way the operator wrote it. Parts that find a configuration problem only when they start (the
 * CA bundle, the spool directory, the object store) name it by its env var; when the configuration came from the
 * upstream YAML files, {@link #asYaml} turns those names into the YAML paths (e.g.
 * {@code FRI_PROVER_GATEWAY_SPOOL_PATH} into {@code prover_gateway.spool_path}).
 */
public final class SettingNames {
    private static final Pattern ENV_NAME = Pattern.compile(
            "\\b(FRI_PROVER_GATEWAY_[A-Z0-9_]+|PROVER_OBJECT_STORE_[A-Z0-9_]+|MISC_LOG_FORMAT|DATABASE_PROVER_URL"
                    + "|DATABASE_URL|DATABASE_POOL_SIZE)\\b");
    private static final Map<String, String> FIXED = Map.of(
            "MISC_LOG_FORMAT", "observability.log_format",
            "DATABASE_PROVER_URL", "database.prover_url",
            "DATABASE_URL", "database.prover_url",
            "DATABASE_POOL_SIZE", "postgres.max_connections",
            "PROVER_OBJECT_STORE_MAX_RETRIES", "prover.prover_object_store.max_retries",
            "PROVER_OBJECT_STORE_LOCAL_MIRROR_PATH", "prover.prover_object_store.local_mirror_path");

    private SettingNames() {}

    /** {@code message} with every env var name replaced by its YAML path for {@code config}'s object-store mode. */
    public static String asYaml(String message, GatewayConfig config) {
        String mode = yamlMode(config.objectStore().mode());
        Matcher m = ENV_NAME.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(yamlPath(m.group(1), mode)));
        }
        return m.appendTail(out).toString();
    }

    static String yamlPath(String envVar, String yamlMode) {
        String fixed = FIXED.get(envVar);
        if (fixed != null) {
            return fixed;
        }
        if (envVar.startsWith("FRI_PROVER_GATEWAY_")) {
            return "prover_gateway." + envVar.substring("FRI_PROVER_GATEWAY_".length()).toLowerCase(Locale.ROOT);
        }
        String field = envVar.substring("PROVER_OBJECT_STORE_".length()).toLowerCase(Locale.ROOT);
        String section = "prover.prover_object_store." + yamlMode;
        return field.equals("mode") ? section : section + "." + field;
    }

    /** {@code FileBacked} → {@code file_backed}, {@code GCSWithCredentialFile} → {@code gcs_with_credential_file}. */
    static String yamlMode(ObjectStoreConfig.Mode mode) {
        return mode.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }
}
