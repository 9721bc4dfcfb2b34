package io.provergateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.provergateway.config.ConfigLoader;
import io.provergateway.config.GatewayConfig;
import io.provergateway.config.MetricsConfig;
import io.provergateway.metrics.MetricsServer;
import io.provergateway.metrics.PrometheusGatewayMetrics;
import io.provergateway.metrics.Readiness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Dockerfile and the Kubernetes manifests agree with the build and with what the server serves. */
class ContainerFilesTest {
    private static final Path KUBERNETES = Path.of("deploy/kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void dockerfile_copiesTheJarTheBuildMakes_runsItAsNonRoot_exposesTheMetricsPort_andChecksHealth() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        String jar = builtJarName();

        assertThat(dockerfile).containsPattern("(?m)^FROM maven:\\S+ AS build$").containsPattern("(?m)^FROM \\S+17-jre\\S*$")
                .contains("COPY --from=build /src/target/" + jar + " /opt/prover-gateway/" + jar)
                .contains("\"-jar\", \"/opt/prover-gateway/" + jar + "\"")
                .containsPattern("(?m)^EXPOSE " + defaultMetricsPort() + "$")
                .containsPattern("(?m)^USER 10001:10001$")
                .containsPattern("(?s)HEALTHCHECK .*CMD curl -fsS \"http://127\\.0\\.0\\.1:\\$\\{"
                        + "FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_PORT}/health\"");
    }

    @Test
    void statefulSet_probesPathsTheServerServes_onTheConfiguredPort_withSeveralReplicas() throws Exception {
        JsonNode statefulSet = YAML.readTree(KUBERNETES.resolve("statefulset.yaml").toFile());
        JsonNode configMap = YAML.readTree(KUBERNETES.resolve("configmap.yaml").toFile());
        JsonNode container = statefulSet.at("/spec/template/spec/containers/0");

        assertThat(statefulSet.at("/spec/replicas").asInt()).isGreaterThan(1);
        assertThat(container.at("/ports/0/name").asText()).isEqualTo("metrics");
        int port = container.at("/ports/0/containerPort").asInt();
        assertThat(port).isEqualTo(configMap.at("/data/FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_PORT").asInt())
                .isEqualTo(defaultMetricsPort());
        assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("metrics");
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("metrics");
        String liveness = container.at("/livenessProbe/httpGet/path").asText();
        String readiness = container.at("/readinessProbe/httpGet/path").asText();
        assertThat(liveness).isEqualTo("/health");
        assertThat(readiness).isEqualTo("/ready");
        assertServedAsJson(liveness, 200);
        assertServedAsJson(readiness, 503);
    }

    @Test
    void statefulSet_takesItsEnvFromTheConfigMapAndTheSecret_keepsItsSpoolOnAVolumeClaim_andLoads() throws Exception {
        JsonNode statefulSet = YAML.readTree(KUBERNETES.resolve("statefulset.yaml").toFile());
        JsonNode configMap = YAML.readTree(KUBERNETES.resolve("configmap.yaml").toFile());
        JsonNode secret = YAML.readTree(KUBERNETES.resolve("secret.yaml").toFile());
        JsonNode container = statefulSet.at("/spec/template/spec/containers/0");

        assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo(configMap.at("/metadata/name").asText());
        assertThat(container.at("/envFrom/1/secretRef/name").asText()).isEqualTo(secret.at("/metadata/name").asText());
        String spool = configMap.at("/data/FRI_PROVER_GATEWAY_SPOOL_PATH").asText();
        assertThat(container.get("volumeMounts").findValuesAsText("mountPath")).contains(spool);
        String spoolVolume = null;
        for (JsonNode mount : container.get("volumeMounts")) {
            if (mount.get("mountPath").asText().equals(spool)) {
                spoolVolume = mount.get("name").asText();
            }
        }
        assertThat(statefulSet.at("/kind").asText()).isEqualTo("StatefulSet");
        assertThat(statefulSet.at("/spec/volumeClaimTemplates").findValuesAsText("name")).as("a persistent spool")
                .contains(spoolVolume);

        Map<String, String> env = new HashMap<>();
        configMap.get("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        secret.get("stringData").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        GatewayConfig config = ConfigLoader.fromEnvironment(env);
        assertThat(config.metrics().port()).isEqualTo(defaultMetricsPort());
        assertThat(config.spoolPath()).isEqualTo(Path.of(spool));
        assertThat(List.of(KUBERNETES.resolve("kustomization.yaml"))).allSatisfy(f -> assertThat(Files.readString(f))
                .contains("configmap.yaml", "secret.yaml", "statefulset.yaml", "service.yaml"));
    }

    /** The file name of the shaded jar, from the shade plugin's outputFile in pom.xml. */
    private static String builtJarName() throws Exception {
        Matcher matcher = Pattern.compile("<outputFile>\\$\\{project\\.build\\.directory}/([^<]+\\.jar)</outputFile>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(matcher.find()).as("shade outputFile in pom.xml").isTrue();
        return matcher.group(1);
    }

    private static int defaultMetricsPort() {
        return ConfigLoader.fromEnvironment(Map.of("FRI_PROVER_GATEWAY_API_URL", "http://core:3320",
                "PROVER_OBJECT_STORE_MODE", "FileBacked", "PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH", "artifacts",
                "DATABASE_PROVER_URL", "postgres://u@h/db")).metrics().port();
    }

    /** The server answers {@code path} itself (JSON), not with the metrics it serves on unknown paths. */
    private static void assertServedAsJson(String path, int status) throws Exception {
        MetricsServer server = new MetricsServer(new MetricsConfig("127.0.0.1", 0, Optional.empty(), Optional.empty()),
                new PrometheusGatewayMetrics(new PrometheusRegistry()),
                (Readiness.Check) () -> new Readiness(List.of("database: down"), List.of()));
        server.start();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        } finally {
            server.close();
        }
    }
}
