package io.provergateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiModeConfigTest {
    private static final Map<String, String> LEGACY_ENV = Map.of(
            "FRI_PROVER_GATEWAY_API_URL", "http://127.0.0.1:3320",
            "PROVER_OBJECT_STORE_MODE", "FileBacked",
            "PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH", "artifacts",
            "DATABASE_PROVER_URL", "postgres://postgres:pw@localhost/prover_local");

    @TempDir
    Path dir;

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(LEGACY_ENV);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private Path resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/upstream-head/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    @Test
    void upstreamHeadYaml_loadsAsItStands_andSelectsProverCluster() throws IOException {
        GatewayConfig config = ConfigLoader.fromYaml(resource("general.yaml"), Optional.of(resource("secrets.yaml")),
                Map.of());

        assertThat(config.apiMode()).isEqualTo(ApiMode.ProverCluster);
        assertThat(config.pushServer()).contains(new PushServerConfig("0.0.0.0", 3322, 4L << 30));
        assertThat(config.api().baseUrl()).isEqualTo("http://127.0.0.1:3320");
        assertThat(config.metrics().port()).isEqualTo(3310);
        assertThat(config.database().url().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/prover_local");
        assertThat(ConfigReport.render(config)).contains("prover_gateway.api_mode").contains("ProverCluster")
                .contains("(unused in ProverCluster)");
    }

    @Test
    void yamlWithExplicitLegacyMode_staysLegacy_evenWithAPort() throws IOException {
        String general = Files.readString(resource("general.yaml")).replace("  port: 3322\n",
                "  port: 3322\n  api_mode: Legacy\n");
        GatewayConfig config = ConfigLoader.fromYaml(Files.writeString(dir.resolve("g.yaml"), general),
                Optional.of(resource("secrets.yaml")), Map.of());

        assertThat(config.apiMode()).isEqualTo(ApiMode.Legacy);
        assertThat(config.pushServer()).isEmpty();
    }

    @Test
    void proverClusterYaml_needsOnlyUpstreamHeadsRequiredKeys() throws IOException {
        String general = """
                postgres:
                  max_connections: 4
                observability:
                  log_format: plain
                prover:
                  prover_object_store:
                    file_backed:
                      file_backed_base_path: artifacts
                    max_retries: 3
                prover_gateway:
                  api_url: not even a url
                  port: 3322
                """;
        GatewayConfig config = ConfigLoader.fromYaml(Files.writeString(dir.resolve("g.yaml"), general),
                Optional.of(resource("secrets.yaml")), Map.of());

        assertThat(config.apiMode()).isEqualTo(ApiMode.ProverCluster);
        assertThat(config.api().baseUrl()).isEqualTo("not even a url");
    }

    @Test
    void envDefaultsToLegacy() {
        GatewayConfig config = ConfigLoader.fromEnvironment(env("FRI_PROVER_GATEWAY_PORT", "3322"));

        assertThat(config.apiMode()).isEqualTo(ApiMode.Legacy);
        assertThat(config.pushServer()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ProverCluster", "PROVER_CLUSTER", "prover_cluster", "prover-cluster"})
    void envSelectsProverCluster_withUpstreamSpellings(String mode) {
        GatewayConfig config = ConfigLoader.fromEnvironment(env("FRI_PROVER_GATEWAY_API_MODE", mode,
                "FRI_PROVER_GATEWAY_PORT", "3322", "FRI_PROVER_GATEWAY_LISTENER_HOST", "127.0.0.1",
                "FRI_PROVER_GATEWAY_MAX_REQUEST_BYTES", "1000"));

        assertThat(config.apiMode()).isEqualTo(ApiMode.ProverCluster);
        assertThat(config.pushServer()).contains(new PushServerConfig("127.0.0.1", 3322, 1000));
    }

    @Test
    void proverClusterWithoutPort_namesTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.fromEnvironment(env("FRI_PROVER_GATEWAY_API_MODE", "ProverCluster")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("FRI_PROVER_GATEWAY_PORT is required");
    }

    @Test
    void unknownMode_namesTheVariableAndTheChoices() {
        assertThatThrownBy(() -> ConfigLoader.fromEnvironment(env("FRI_PROVER_GATEWAY_API_MODE", "Push")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("FRI_PROVER_GATEWAY_API_MODE=\"Push\"")
                .hasMessageContaining("Legacy, ProverCluster");
    }

    @Test
    void badMaxRequestBytes_namesTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.fromEnvironment(env("FRI_PROVER_GATEWAY_API_MODE", "ProverCluster",
                "FRI_PROVER_GATEWAY_PORT", "3322", "FRI_PROVER_GATEWAY_MAX_REQUEST_BYTES", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("FRI_PROVER_GATEWAY_MAX_REQUEST_BYTES=\"0\"");
    }
}
