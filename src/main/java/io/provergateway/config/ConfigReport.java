package io.provergateway.config;

import io.provergateway.config.ObjectStoreConfig.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The text of {@code check-config}: every setting under its YAML key, its env var, its value and whether that is the
 * default, then warnings. Secrets and URL passwords print as {@code ***}.
 */
public final class ConfigReport {
    private static final String UNSET = "(not set)";

    private ConfigReport() {}

    /**
     * The variables outside the upstream config that the client libraries of the chosen object store read: shown so
     * an operator sees what the gateway will use. Values that may hold secrets print only as set or not.
     */
    private static final List<String> GCS_AMBIENT = List.of("STORAGE_EMULATOR_HOST", "GOOGLE_APPLICATION_CREDENTIALS",
            "GOOGLE_CLOUD_PROJECT");
    private static final List<String> GCS_AMBIENT_SECRET = List.of("GOOGLE_APPLICATION_CREDENTIALS_JSON");
    private static final List<String> S3_AMBIENT = List.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE",
            "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN");
    private static final List<String> S3_AMBIENT_SECRET = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN");

    /** One line per setting, then one line per warning. */
    public static String render(GatewayConfig config) {
        return render(config, Map.of());
    }

    /** As {@link #render(GatewayConfig)}, with the object store's ambient variables as found in {@code env}. */
    public static String render(GatewayConfig config, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-60s %-46s %s%n", "setting (YAML key)", "env var", "value"));
        for (Row row : rows(config)) {
            out.append(String.format(Locale.ROOT, "%-60s %-46s %s%s%n",
                    row.yamlKey, row.envVar, row.value, row.isDefault ? "  (default)" : ""));
        }
        for (Row row : ambientRows(config.objectStore().mode(), env)) {
            out.append(String.format(Locale.ROOT, "%-60s %-46s %s%n", row.yamlKey, row.envVar, row.value));
        }
        List<String> warnings = warnings(config);
        out.append(warnings.isEmpty() ? "no warnings" : "warnings:").append(System.lineSeparator());
        warnings.forEach(w -> out.append("  - ").append(w).append(System.lineSeparator()));
        return out.toString();
    }

    /** Settings that load but are probably not what the operator meant. */
    public static List<String> warnings(GatewayConfig config) {
        List<String> warnings = new ArrayList<>();
        String apiUrl = config.api().baseUrl();
        boolean pull = config.apiMode() == ApiMode.Legacy;
        if (pull && apiUrl.endsWith("/")) {
            warnings.add("prover_gateway.api_url ends with '/': endpoints become \"" + RedactedUrl.redact(apiUrl)
                    + "/proof_generation_data\" (upstream concatenates, so the core may answer 404)");
        }
        if (pull && config.pollInterval().isZero()) {
            warnings.add("prover_gateway.api_poll_duration_secs is 0: the gateway polls the core without pausing");
        }
        ObjectStoreConfig store = config.objectStore();
        if (store.mode() == Mode.FileBacked && store.localMirrorPath().isPresent()) {
            warnings.add("prover.prover_object_store.local_mirror_path is ignored for file_backed (as upstream)");
        }
        store.bucketBaseUrl().filter(b -> b.contains("/") || b.contains(":")).ifPresent(b -> warnings.add(
                "prover.prover_object_store.<mode>.bucket_base_url \"" + b + "\" is not a bare bucket name"
                        + " (upstream takes the name only, without gs://, s3:// or slashes)"));
        missingFile("prover_gateway.api_ca_cert_path", config.api().caCertPath()).ifPresent(warnings::add);
        missingFile("prover.prover_object_store.gcs_credential_file_path", store.gcsCredentialFilePath())
                .ifPresent(warnings::add);
        missingFile("prover.prover_object_store.s3_credential_file_path", store.s3CredentialFilePath())
                .ifPresent(warnings::add);
        return warnings;
    }

    private static Optional<String> missingFile(String key, Optional<Path> path) {
        return path.filter(p -> !Files.isReadable(p)).map(p -> key + " \"" + p + "\" is not a readable file");
    }

    private record Row(String yamlKey, String envVar, String value, boolean isDefault) {}

    private static List<Row> rows(GatewayConfig c) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("observability.log_format", "MISC_LOG_FORMAT",
                c.logFormat().name().toLowerCase(Locale.ROOT), c.logFormat() == GatewayConfig.LogFormat.PLAIN));
        rows.addAll(gatewayRows(c));
        rows.addAll(profileRows(c));
        rows.add(new Row("postgres.max_connections", "DATABASE_POOL_SIZE",
                String.valueOf(c.database().poolSize()), c.database().poolSize() == ConfigLoader.DEFAULT_POOL_SIZE));
        rows.add(new Row("database.prover_url", "DATABASE_PROVER_URL", c.database().url().toString(), false));
        rows.addAll(objectStoreRows(c.objectStore()));
        return rows;
    }

    private static List<Row> gatewayRows(GatewayConfig c) {
        ApiConfig api = c.api();
        MetricsConfig m = c.metrics();
        return List.of(
                gateway("api_url", RedactedUrl.redact(api.baseUrl())
                        + (c.apiMode() == ApiMode.Legacy ? "" : " (unused in ProverCluster)"), false),
                gateway("api_poll_duration_secs", seconds(c.pollInterval().getSeconds()),
                        c.pollInterval().equals(ProverGatewaySettings.DEFAULT_POLL)),
                gateway("prometheus_listener_host", m.host(), m.host().equals(ProverGatewaySettings.DEFAULT_LISTENER_HOST)),
                gateway("prometheus_listener_port", String.valueOf(m.port()),
                        m.port() == ProverGatewaySettings.DEFAULT_LISTENER_PORT),
                gateway("prometheus_pushgateway_url", m.pushgatewayUrl().map(RedactedUrl::redact).orElse(UNSET)
                        + " (unused)", false),
                gateway("prometheus_push_interval_ms", m.pushIntervalMs().map(String::valueOf).orElse(UNSET)
                        + " (unused)", false),
                gateway("job_stats_interval_secs", seconds(m.jobStatsInterval().getSeconds()),
                        m.jobStatsInterval().equals(MetricsConfig.DEFAULT_JOB_STATS_INTERVAL)),
                gateway("connect_timeout_secs", seconds(api.connectTimeout().getSeconds()),
                        api.connectTimeout().equals(ProverGatewaySettings.DEFAULT_CONNECT_TIMEOUT)),
                gateway("request_timeout_secs", seconds(api.requestTimeout().getSeconds()),
                        api.requestTimeout().equals(ProverGatewaySettings.DEFAULT_REQUEST_TIMEOUT)),
                gateway("max_response_bytes", String.valueOf(api.maxResponseBytes()),
                        api.maxResponseBytes() == ProverGatewaySettings.DEFAULT_MAX_RESPONSE_BYTES),
                gateway("api_ca_cert_path", api.caCertPath().map(Path::toString).orElse(UNSET), false),
                gateway("api_token", api.token().map(Secret::toString).orElse(UNSET), false),
                gateway("api_zstd", String.valueOf(api.acceptZstd()), api.acceptZstd()),
                gateway("spool_path", c.spoolPath() + " -> " + c.spoolPath().toAbsolutePath(),
                        c.spoolPath().equals(ProverGatewaySettings.DEFAULT_SPOOL)),
                gateway("shutdown_grace_secs", seconds(c.recovery().shutdownGrace().getSeconds()),
                        c.recovery().shutdownGrace().equals(RecoveryConfig.DEFAULT_SHUTDOWN_GRACE)),
                gateway("refused_proof_max_hold_secs", seconds(c.recovery().maxRefusalHold().getSeconds()),
                        c.recovery().maxRefusalHold().equals(RecoveryConfig.DEFAULT_MAX_REFUSAL_HOLD)));
    }

    /** The profile choice and, in ProverCluster, the server the core calls. */
    private static List<Row> profileRows(GatewayConfig c) {
        List<Row> rows = new ArrayList<>();
        rows.add(gateway("api_mode", c.apiMode().name(), c.apiMode() == ApiMode.Legacy));
        c.pushServer().ifPresent(server -> {
            rows.add(gateway("port", String.valueOf(server.port()), false));
            rows.add(gateway("listener_host", server.host(),
                    server.host().equals(ProverGatewaySettings.DEFAULT_LISTENER_HOST)));
            rows.add(gateway("max_request_bytes", String.valueOf(server.maxRequestBytes()),
                    server.maxRequestBytes() == ProverGatewaySettings.DEFAULT_MAX_REQUEST_BYTES));
        });
        return rows;
    }

    private static Row gateway(String field, String value, boolean isDefault) {
        return new Row("prover_gateway." + field, "FRI_PROVER_GATEWAY_" + field.toUpperCase(Locale.ROOT), value,
                isDefault);
    }

    private static List<Row> objectStoreRows(ObjectStoreConfig s) {
        String yaml = "prover.prover_object_store.";
        String env = "PROVER_OBJECT_STORE_";
        return List.of(
                new Row(yaml + "<mode>", env + "MODE", s.mode().name(), false),
                new Row(yaml + "<mode>.bucket_base_url", env + "BUCKET_BASE_URL", s.bucketBaseUrl().orElse(UNSET), false),
                new Row(yaml + "<mode>.gcs_credential_file_path", env + "GCS_CREDENTIAL_FILE_PATH",
                        s.gcsCredentialFilePath().map(Path::toString).orElse(UNSET), false),
                new Row(yaml + "<mode>.s3_credential_file_path", env + "S3_CREDENTIAL_FILE_PATH",
                        s.s3CredentialFilePath().map(Path::toString).orElse(UNSET), false),
                new Row(yaml + "<mode>.endpoint", env + "ENDPOINT",
                        s.endpoint().map(RedactedUrl::redact).orElse(s.mode().isS3() ? "(AWS)" : UNSET),
                        s.endpoint().isEmpty()),
                new Row(yaml + "<mode>.region", env + "REGION",
                        s.region().orElse(s.mode().isS3() ? "(AWS_REGION, AWS profile, else auto)" : UNSET),
                        s.region().isEmpty()),
                new Row(yaml + "<mode>.s3_path_style", env + "S3_PATH_STYLE",
                        s.mode().isS3() ? String.valueOf(s.effectiveS3PathStyle()) : UNSET, s.s3PathStyle().isEmpty()),
                new Row(yaml + "<mode>.file_backed_base_path", env + "FILE_BACKED_BASE_PATH",
                        s.fileBackedBasePath().map(Path::toString).orElse(UNSET), false),
                new Row(yaml + "max_retries", env + "MAX_RETRIES", String.valueOf(s.maxRetries()),
                        s.maxRetries() == ObjectStoreSettings.DEFAULT_MAX_RETRIES),
                new Row(yaml + "local_mirror_path", env + "LOCAL_MIRROR_PATH",
                        s.localMirrorPath().map(Path::toString).orElse(UNSET), false));
    }

    private static List<Row> ambientRows(Mode mode, Map<String, String> env) {
        List<Row> rows = new ArrayList<>();
        String source = "(read by the " + (mode.isGcs() ? "GCS" : "S3") + " client)";
        if (mode.isGcs() || mode.isS3()) {
            for (String name : mode.isGcs() ? GCS_AMBIENT : S3_AMBIENT) {
                rows.add(new Row(source, name, Optional.ofNullable(env.get(name)).orElse(UNSET), false));
            }
            for (String name : mode.isGcs() ? GCS_AMBIENT_SECRET : S3_AMBIENT_SECRET) {
                rows.add(new Row(source, name, env.containsKey(name) ? "*** (set)" : UNSET, false));
            }
        }
        return rows;
    }

    private static String seconds(long value) {
        return value + " s";
    }
}
