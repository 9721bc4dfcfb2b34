package io.provergateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.config.GatewayConfig.LogFormat;
import io.provergateway.config.ObjectStoreConfig.Mode;
import io.provergateway.testsupport.UpstreamYamlExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderYamlTest {
    static final String SPEC_GENERAL_YAML = UpstreamYamlExample.GENERAL;
    static final String SPEC_SECRETS_YAML = UpstreamYamlExample.SECRETS;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private GatewayConfig loadGeneral(String general) throws IOException {
        return ConfigLoader.fromYaml(write("general.yaml", general), Optional.of(write("secrets.yaml", SPEC_SECRETS_YAML)),
                Map.of());
    }

    @Test
    void loadsSpecExample_asItStands() throws IOException {
        GatewayConfig config = loadGeneral(SPEC_GENERAL_YAML);

        assertThat(config.logFormat()).isEqualTo(LogFormat.PLAIN);
        assertThat(config.api().baseUrl()).isEqualTo("http://127.0.0.1:3320");
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.metrics()).isEqualTo(
                new MetricsConfig("0.0.0.0", 3310, Optional.of("http://127.0.0.1:9091"), Optional.of(100L)));
        assertThat(config.database().poolSize()).isEqualTo(100);
        assertThat(config.database().url().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/prover_local");
        assertThat(config.database().url().user()).contains("postgres");
        assertThat(config.database().url().password().map(Secret::reveal)).contains("notsecurepassword");
        assertThat(config.objectStore()).isEqualTo(new ObjectStoreConfig(Mode.FileBacked, Optional.empty(),
                Optional.empty(), Optional.of(Path.of("artifacts")), 10, Optional.empty()));
        assertThat(config.api().token()).isEmpty();
        assertThat(config.api().requestTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.spoolPath()).isEqualTo(Path.of("prover-gateway-spool"));
    }

    @Test
    void takesSecretsFromEnv_whenNoSecretsFileIsGiven() throws IOException {
        Map<String, String> env = Map.of(
                "DATABASE_URL", "postgres://gw:pw@db.internal:6432/prover",
                "FRI_PROVER_GATEWAY_API_TOKEN", "t0ken");

        GatewayConfig config = ConfigLoader.fromYaml(write("general.yaml", SPEC_GENERAL_YAML), Optional.empty(), env);

        assertThat(config.database().url().jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/prover");
        assertThat(config.api().token().map(Secret::reveal)).contains("t0ken");
    }

    @Test
    void ignoresEnvSecrets_whenSecretsFileIsGiven() throws IOException {
        Path secrets = write("secrets.yaml", SPEC_SECRETS_YAML + "prover_gateway:\n  api_token: from-file\n");

        GatewayConfig config = ConfigLoader.fromYaml(write("general.yaml", SPEC_GENERAL_YAML), Optional.of(secrets),
                Map.of("DATABASE_PROVER_URL", "postgres://x@elsewhere/db", "FRI_PROVER_GATEWAY_API_TOKEN", "env"));

        assertThat(config.database().url().jdbcUrl()).contains("localhost");
        assertThat(config.api().token().map(Secret::reveal)).contains("from-file");
    }

    @Test
    void loadsOurOptionalKeys_andGcsWithCredentialFile() throws IOException {
        String yaml = SPEC_GENERAL_YAML
                .replace("    file_backed:\n      file_backed_base_path: artifacts\n",
                        "    gcs_with_credential_file:\n      bucket_base_url: via-prover\n"
                                + "      gcs_credential_file_path: /sa.json\n    local_mirror_path: /mirror\n")
                .replace("  prometheus_push_interval_ms: 100\n", "  connect_timeout_secs: 5\n"
                        + "  request_timeout_secs: 60\n  max_response_bytes: 1000\n  api_ca_cert_path: /ca.pem\n"
                        + "  prometheus_listener_host: 127.0.0.1\n  spool_path: /spool\n");

        GatewayConfig config = loadGeneral(yaml);

        assertThat(config.objectStore()).isEqualTo(new ObjectStoreConfig(Mode.GCSWithCredentialFile,
                Optional.of("via-prover"), Optional.of(Path.of("/sa.json")), Optional.empty(), 10,
                Optional.of(Path.of("/mirror"))));
        assertThat(config.api()).isEqualTo(new ApiConfig("http://127.0.0.1:3320", Duration.ofSeconds(5),
                Duration.ofSeconds(60), 1000, Optional.of(Path.of("/ca.pem")), Optional.empty()));
        assertThat(config.metrics().host()).isEqualTo("127.0.0.1");
        assertThat(config.metrics().pushIntervalMs()).isEmpty();
        assertThat(config.spoolPath()).isEqualTo(Path.of("/spool"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'observability:\\n  log_format: plain\\n'|observability is required but not set",
        "'  log_format: plain\\n'|observability.log_format is required but not set",
        "'  api_url: http://127.0.0.1:3320\\n'|prover_gateway.api_url is required but not set",
        "'  api_poll_duration_secs: 15\\n'|prover_gateway.api_poll_duration_secs is required but not set",
        "'  prometheus_listener_port: 3310\\n'|prover_gateway.prometheus_listener_port is required but not set",
        "'  prometheus_pushgateway_url: http://127.0.0.1:9091\\n'|prover_gateway.prometheus_pushgateway_url is required but not set",
        "'  max_connections: 100\\n'|postgres.max_connections is required but not set",
        "'    max_retries: 10\\n'|prover.prover_object_store.max_retries is required but not set",
        "'      file_backed_base_path: artifacts\\n'|prover.prover_object_store.file_backed.file_backed_base_path is required but not set",
    })
    void rejectsMissingRequiredKey_namingIt(String removed, String message) throws IOException {
        String yaml = SPEC_GENERAL_YAML.replace(removed.replace("\\n", "\n"), "");

        assertThatThrownBy(() -> loadGeneral(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void rejectsObjectStoreWithoutMode() throws IOException {
        String yaml = SPEC_GENERAL_YAML.replace("    file_backed:\n      file_backed_base_path: artifacts\n", "");

        assertThatThrownBy(() -> loadGeneral(yaml)).hasMessage("prover.prover_object_store must contain exactly one of "
                + "gcs, gcs_with_credential_file, gcs_anonymous_read_only, file_backed, s3_with_credential_file, s3_anonymous_read_only (found none)");
    }

    @Test
    void rejectsGcsModeWithoutBucket() throws IOException {
        String yaml = SPEC_GENERAL_YAML.replace("    file_backed:\n      file_backed_base_path: artifacts\n",
                "    gcs_anonymous_read_only:\n      other: x\n");

        assertThatThrownBy(() -> loadGeneral(yaml))
                .hasMessage("prover.prover_object_store.gcs_anonymous_read_only.bucket_base_url is required but not set");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "api_poll_duration_secs: 15|api_poll_duration_secs: abc|prover_gateway.api_poll_duration_secs=\"abc\" is not a whole number of seconds (0..65535)",
        "api_poll_duration_secs: 15|api_poll_duration_secs: 15.5|prover_gateway.api_poll_duration_secs=\"15.5\" is not a whole number of seconds (0..65535)",
        "prometheus_listener_port: 3310|prometheus_listener_port: 99999|prover_gateway.prometheus_listener_port=\"99999\" is out of range for a port number (0..65535)",
        "log_format: plain|log_format: xml|observability.log_format=\"xml\" is not one of json, plain",
        "max_connections: 100|max_connections: -3|postgres.max_connections=\"-3\" is not a connection count (1..2147483647)",
        "max_retries: 10|max_retries: ten|prover.prover_object_store.max_retries=\"ten\" is not a retry count (0..65535)",
        "api_url: http://127.0.0.1:3320|api_url: localhost|prover_gateway.api_url=\"localhost\" is not an absolute http:// or https:// URL",
        "api_poll_duration_secs: 15|api_poll_duration_secs: [15]|prover_gateway.api_poll_duration_secs must be a single value, not a array",
    })
    void rejectsBadValue_namingKeyAndValue(String from, String to, String message) throws IOException {
        assertThatThrownBy(() -> loadGeneral(SPEC_GENERAL_YAML.replace(from, to)))
                .isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void rejectsSecretsFileWithoutProverUrl() throws IOException {
        Path secrets = write("secrets.yaml", "database:\n  server_url: postgres://x@y/z\n");

        assertThatThrownBy(() -> ConfigLoader.fromYaml(write("general.yaml", SPEC_GENERAL_YAML), Optional.of(secrets),
                Map.of())).hasMessage("database.prover_url is required but not set in the secrets file");
    }

    @Test
    void reportsYamlSyntaxErrorInSecretsFile_withoutItsText() throws IOException {
        Path secrets = write("secrets.yaml", "database:\n  prover_url: postgres://u:hunter2@h/db\n   bad: [\n");

        assertThatThrownBy(() -> ConfigLoader.fromYaml(write("general.yaml", SPEC_GENERAL_YAML), Optional.of(secrets),
                Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot parse YAML file " + secrets + " at line")
                .message().doesNotContain("hunter2");
    }

    @Test
    void rejectsMissingGeneralFile() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ConfigLoader.fromYaml(missing, Optional.empty(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(missing.toString());
    }
}
