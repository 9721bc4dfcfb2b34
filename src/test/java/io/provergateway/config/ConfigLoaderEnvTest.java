package io.provergateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.config.GatewayConfig.LogFormat;
import io.provergateway.config.ObjectStoreConfig.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConfigLoaderEnvTest {

    static Map<String, String> minimalEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("FRI_PROVER_GATEWAY_API_URL", "http://127.0.0.1:3320");
        env.put("PROVER_OBJECT_STORE_MODE", "FileBacked");
        env.put("PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH", "artifacts");
        env.put("DATABASE_PROVER_URL", "postgres://postgres:notsecurepassword@localhost/prover_local");
        return env;
    }

    private static GatewayConfig load(Map<String, String> env) {
        return ConfigLoader.fromEnvironment(env);
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> env = minimalEnv();
        env.put(key, value);
        return env;
    }

    private static Map<String, String> without(String key) {
        Map<String, String> env = minimalEnv();
        env.remove(key);
        return env;
    }

    @Test
    void loadsMinimalEnv_withUpstreamAndOwnDefaults() {
        GatewayConfig config = load(minimalEnv());

        assertThat(config.api().baseUrl()).isEqualTo("http://127.0.0.1:3320");
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.metrics()).isEqualTo(new MetricsConfig("0.0.0.0", 3314, Optional.empty(), Optional.empty()));
        assertThat(config.api().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.api().requestTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.api().maxResponseBytes()).isEqualTo(4_294_967_296L);
        assertThat(config.api().caCertPath()).isEmpty();
        assertThat(config.api().token()).isEmpty();
        assertThat(config.spoolPath()).isEqualTo(Path.of("prover-gateway-spool"));
        assertThat(config.logFormat()).isEqualTo(LogFormat.PLAIN);
        assertThat(config.objectStore()).isEqualTo(new ObjectStoreConfig(Mode.FileBacked, Optional.empty(),
                Optional.empty(), Optional.of(Path.of("artifacts")), 5, Optional.empty()));
        assertThat(config.database().poolSize()).isEqualTo(10);
        assertThat(config.database().url().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/prover_local");
        assertThat(config.database().url().user()).contains("postgres");
        assertThat(config.database().url().password().map(Secret::reveal)).contains("notsecurepassword");
    }

    @Test
    void loadsEverySetting_whenAllAreGiven() {
        Map<String, String> env = minimalEnv();
        env.putAll(Map.of(
                "FRI_PROVER_GATEWAY_API_POLL_DURATION_SECS", "0",
                "FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_PORT", "3310",
                "FRI_PROVER_GATEWAY_PROMETHEUS_PUSHGATEWAY_URL", "http://127.0.0.1:9091",
                "FRI_PROVER_GATEWAY_PROMETHEUS_PUSH_INTERVAL_MS", "100",
                "FRI_PROVER_GATEWAY_CONNECT_TIMEOUT_SECS", "3",
                "FRI_PROVER_GATEWAY_REQUEST_TIMEOUT_SECS", "600",
                "FRI_PROVER_GATEWAY_MAX_RESPONSE_BYTES", "1024",
                "FRI_PROVER_GATEWAY_API_CA_CERT_PATH", "/etc/ca.pem",
                "FRI_PROVER_GATEWAY_API_TOKEN", "tok3n",
                "FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_HOST", "127.0.0.1"));
        env.putAll(Map.of(
                "FRI_PROVER_GATEWAY_SPOOL_PATH", "/var/spool/gw",
                "MISC_LOG_FORMAT", "json",
                "DATABASE_POOL_SIZE", "3",
                "PROVER_OBJECT_STORE_MAX_RETRIES", "0",
                "PROVER_OBJECT_STORE_LOCAL_MIRROR_PATH", "/mirror",
                "SOMETHING_UNRELATED", "ignored"));

        GatewayConfig config = load(env);

        assertThat(config.pollInterval()).isZero();
        assertThat(config.metrics()).isEqualTo(
                new MetricsConfig("127.0.0.1", 3310, Optional.of("http://127.0.0.1:9091"), Optional.of(100L)));
        assertThat(config.api().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.api().requestTimeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(config.api().maxResponseBytes()).isEqualTo(1024);
        assertThat(config.api().caCertPath()).contains(Path.of("/etc/ca.pem"));
        assertThat(config.api().token().map(Secret::reveal)).contains("tok3n");
        assertThat(config.spoolPath()).isEqualTo(Path.of("/var/spool/gw"));
        assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(config.database().poolSize()).isEqualTo(3);
        assertThat(config.objectStore().maxRetries()).isZero();
        assertThat(config.objectStore().localMirrorPath()).contains(Path.of("/mirror"));
    }

    @Test
    void fallsBackToDatabaseUrl_whenProverUrlIsUnset() {
        Map<String, String> env = without("DATABASE_PROVER_URL");
        env.put("DATABASE_URL", "postgres://u@db:6432/core");

        assertThat(load(env).database().url().jdbcUrl()).isEqualTo("jdbc:postgresql://db:6432/core");
    }

    @Test
    void prefersDatabaseProverUrl_overDatabaseUrl() {
        Map<String, String> env = with("DATABASE_URL", "postgres://u@other/core");

        assertThat(load(env).database().url().jdbcUrl()).endsWith("/prover_local");
    }

    @Test
    void loadsGcsModes_withTheirFields() {
        Map<String, String> env = without("PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH");
        env.put("PROVER_OBJECT_STORE_MODE", "GCSWithCredentialFile");
        env.put("PROVER_OBJECT_STORE_BUCKET_BASE_URL", "via-prover");
        env.put("PROVER_OBJECT_STORE_GCS_CREDENTIAL_FILE_PATH", "/secrets/sa.json");

        ObjectStoreConfig store = load(env).objectStore();

        assertThat(store.mode()).isEqualTo(Mode.GCSWithCredentialFile);
        assertThat(store.bucketBaseUrl()).contains("via-prover");
        assertThat(store.gcsCredentialFilePath()).contains(Path.of("/secrets/sa.json"));
        assertThat(store.fileBackedBasePath()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FRI_PROVER_GATEWAY_API_URL", "PROVER_OBJECT_STORE_MODE",
            "PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH"})
    void rejectsMissingRequiredVariable_namingIt(String name) {
        assertThatThrownBy(() -> load(without(name)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(name + " is required but not set");
    }

    @Test
    void rejectsMissingDatabaseUrl_namingBothVariables() {
        assertThatThrownBy(() -> load(without("DATABASE_PROVER_URL")))
                .hasMessage("DATABASE_PROVER_URL (or DATABASE_URL) is required but not set");
    }

    @ParameterizedTest
    @CsvSource({"GCS,PROVER_OBJECT_STORE_BUCKET_BASE_URL", "GCSAnonymousReadOnly,PROVER_OBJECT_STORE_BUCKET_BASE_URL",
            "GCSWithCredentialFile,PROVER_OBJECT_STORE_BUCKET_BASE_URL"})
    void rejectsGcsModeWithoutBucket(String mode, String missing) {
        assertThatThrownBy(() -> load(with("PROVER_OBJECT_STORE_MODE", mode)))
                .hasMessage(missing + " is required but not set");
    }

    @Test
    void rejectsCredentialFileModeWithoutCredentialPath() {
        Map<String, String> env = with("PROVER_OBJECT_STORE_MODE", "GCSWithCredentialFile");
        env.put("PROVER_OBJECT_STORE_BUCKET_BASE_URL", "b");

        assertThatThrownBy(() -> load(env))
                .hasMessage("PROVER_OBJECT_STORE_GCS_CREDENTIAL_FILE_PATH is required but not set");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FRI_PROVER_GATEWAY_API_POLL_DURATION_SECS|abc|is not a whole number of seconds (0..65535)",
        "FRI_PROVER_GATEWAY_API_POLL_DURATION_SECS|65536|is out of range for a whole number of seconds (0..65535)",
        "FRI_PROVER_GATEWAY_API_POLL_DURATION_SECS|-1|is not a whole number of seconds (0..65535)",
        "FRI_PROVER_GATEWAY_API_POLL_DURATION_SECS|1.5|is not a whole number of seconds (0..65535)",
        "FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_PORT|70000|is out of range for a port number (0..65535)",
        "FRI_PROVER_GATEWAY_PROMETHEUS_PUSH_INTERVAL_MS|soon|is not a whole number of milliseconds (0..9223372036854775807)",
        "FRI_PROVER_GATEWAY_CONNECT_TIMEOUT_SECS|0|is out of range for a whole number of seconds (1..4294967295)",
        "FRI_PROVER_GATEWAY_REQUEST_TIMEOUT_SECS|x|is not a whole number of seconds (1..4294967295)",
        "FRI_PROVER_GATEWAY_MAX_RESPONSE_BYTES|4GiB|is not a byte count (1..9223372036854775807)",
        "FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_HOST|my host|is not a host name or IP address",
        "FRI_PROVER_GATEWAY_API_URL|127.0.0.1:3320|is not an absolute http:// or https:// URL",
        "FRI_PROVER_GATEWAY_API_URL|ftp://core:3320|is not an absolute http:// or https:// URL",
        "FRI_PROVER_GATEWAY_API_URL|http://core:3320/?x=1|must not have a query or fragment (endpoint paths are appended to it)",
        "FRI_PROVER_GATEWAY_API_URL|http://co re|is not a valid URL: Illegal character in authority",
        "MISC_LOG_FORMAT|JSON|is not one of json, plain",
        "DATABASE_POOL_SIZE|0|is out of range for a connection count (1..2147483647)",
        "PROVER_OBJECT_STORE_MODE|S3|is not one of FileBacked, GCS, GCSAnonymousReadOnly, GCSWithCredentialFile, S3AnonymousReadOnly, S3WithCredentialFile",
        "PROVER_OBJECT_STORE_MAX_RETRIES|many|is not a retry count (0..65535)",
    })
    void rejectsBadValue_namingVariableAndValue(String name, String value, String why) {
        assertThatThrownBy(() -> load(with(name, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(name + "=\"" + value + "\" " + why);
    }

    @Test
    void rejectsTokenWithWhitespace_withoutShowingIt() {
        assertThatThrownBy(() -> load(with("FRI_PROVER_GATEWAY_API_TOKEN", "sec ret")))
                .hasMessage("FRI_PROVER_GATEWAY_API_TOKEN contains whitespace or control characters (value not shown)");
    }

    @Test
    void keepsApiUrlAsGiven_includingTrailingSlash() {
        GatewayConfig config = load(with("FRI_PROVER_GATEWAY_API_URL", "https://core.example/api/"));

        assertThat(config.api().baseUrl()).isEqualTo("https://core.example/api/");
        assertThat(ConfigReport.warnings(config)).anySatisfy(w -> assertThat(w).contains("ends with '/'"));
    }

    @Test
    void treatsEmptyOptionalVariablesAsUnset() {
        GatewayConfig config = load(with("FRI_PROVER_GATEWAY_API_POLL_DURATION_SECS", ""));

        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(15));
    }
}
