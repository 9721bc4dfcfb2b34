package io.provergateway.config;

import io.provergateway.config.GatewayConfig.LogFormat;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the configuration the way upstream {@code zksync_prover_fri_gateway} does, so the same env or the same
 * {@code general.yaml} + {@code secrets.yaml} work unchanged (spec §1.1, §5.5, §6). Every invalid or missing value is a
 * one-line {@link ConfigException} naming the env var or YAML key and the bad value; secrets are never echoed.
 */
public final class ConfigLoader {
    static final int DEFAULT_POOL_SIZE = 10;
    private static final Map<String, LogFormat> LOG_FORMATS = Map.of("plain", LogFormat.PLAIN, "json", LogFormat.JSON);

    private ConfigLoader() {}

    /** Upstream's env-only mode (no {@code --config-path}): unknown variables are ignored. */
    public static GatewayConfig fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, Optional.empty());
    }

    /** Env mode with secrets from a {@code --secrets-path} file when given (upstream reads the two independently). */
    public static GatewayConfig fromEnvironment(Map<String, String> env, Optional<Path> secretsYaml) {
        Optional<YamlSection> secrets = secretsYaml.map(file -> YamlSection.load(file, true));
        LogFormat logFormat = new EnvSection(env, "MISC_").optional("log_format")
                .map(v -> v.asOneOf(LOG_FORMATS)).orElse(LogFormat.PLAIN);
        ProverGatewaySettings gateway = ProverGatewaySettings.read(
                new EnvSection(env, "FRI_PROVER_GATEWAY_"), false, token(secrets, env));
        ObjectStoreConfig store = ObjectStoreSettings.fromEnv(new EnvSection(env, "PROVER_OBJECT_STORE_"));
        return assemble(gateway, store, databaseOnly(secretsYaml, env), logFormat);
    }

    /**
     * Only the database: {@code database.prover_url} from the secrets file when given, else {@code DATABASE_PROVER_URL}
     * / {@code DATABASE_URL}; pool size from {@code DATABASE_POOL_SIZE}. For {@code init-schema}.
     */
    public static DatabaseConfig databaseOnly(Optional<Path> secretsYaml, Map<String, String> env) {
        int poolSize = new EnvSection(env, "DATABASE_").optional("pool_size")
                .map(v -> v.asPositiveInt("a connection count")).orElse(DEFAULT_POOL_SIZE);
        PostgresUrl url = secretsYaml.isPresent()
                ? yamlDatabaseUrl(YamlSection.load(secretsYaml.get(), true)) : envDatabaseUrl(env);
        return new DatabaseConfig(url, poolSize);
    }

    /**
     * Upstream's file mode ({@code --config-path}, optional {@code --secrets-path}). Sections are checked in upstream's
     * order: observability, prover_gateway, postgres.max_connections, database.prover_url, prover.prover_object_store.
     * Without a secrets file the secrets come from {@code env}, as upstream.
     */
    public static GatewayConfig fromYaml(Path generalYaml, Optional<Path> secretsYaml, Map<String, String> env) {
        YamlSection general = YamlSection.load(generalYaml, false);
        Optional<YamlSection> secrets = secretsYaml.map(file -> YamlSection.load(file, true));
        LogFormat logFormat = general.requiredSection("observability").required("log_format").asOneOf(LOG_FORMATS);
        ProverGatewaySettings gateway = ProverGatewaySettings.read(general.requiredSection("prover_gateway"), true,
                token(secrets, env));
        int poolSize = general.requiredSection("postgres").required("max_connections")
                .asPositiveInt("a connection count");
        PostgresUrl url = secrets.isPresent() ? yamlDatabaseUrl(secrets.get()) : envDatabaseUrl(env);
        ObjectStoreConfig store = ObjectStoreSettings.fromYaml(
                general.requiredSection("prover").requiredSection("prover_object_store"));
        return assemble(gateway, store, new DatabaseConfig(url, poolSize), logFormat);
    }

    private static GatewayConfig assemble(
            ProverGatewaySettings gateway, ObjectStoreConfig store, DatabaseConfig database, LogFormat logFormat) {
        return new GatewayConfig(gateway.api(), gateway.pollInterval(), gateway.metrics(), store, database,
                gateway.spoolPath(), logFormat, gateway.recovery(), gateway.apiMode(), gateway.pushServer());
    }

    /** {@code prover_gateway.api_token} from the secrets file when there is one, else {@code FRI_PROVER_GATEWAY_API_TOKEN}. */
    private static Optional<Secret> token(Optional<YamlSection> secrets, Map<String, String> env) {
        return secrets.isPresent()
                ? secrets.get().section("prover_gateway").flatMap(s -> s.optional("api_token")).map(ConfigValue::asSecret)
                : new EnvSection(env, "FRI_PROVER_GATEWAY_").optional("api_token").map(ConfigValue::asSecret);
    }

    /** {@code DATABASE_PROVER_URL}, falling back to {@code DATABASE_URL} (upstream {@code DatabaseSecrets::from_env}). */
    private static PostgresUrl envDatabaseUrl(Map<String, String> env) {
        EnvSection database = new EnvSection(env, "DATABASE_");
        ConfigValue url = database.optional("prover_url").or(() -> database.optional("url"))
                .orElseThrow(() -> new ConfigException("DATABASE_PROVER_URL (or DATABASE_URL) is required but not set"));
        return PostgresUrl.parse(url.text(), url.key());
    }

    private static PostgresUrl yamlDatabaseUrl(YamlSection secrets) {
        ConfigValue url = secrets.section("database").or(() -> secrets.section("postgres"))
                .flatMap(d -> d.optional("prover_url"))
                .orElseThrow(() -> new ConfigException("database.prover_url is required but not set in the secrets file"));
        return PostgresUrl.parse(url.text(), url.key());
    }
}
