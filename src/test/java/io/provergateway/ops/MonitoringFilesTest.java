package io.provergateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.provergateway.Gateway;
import io.provergateway.devnet.CoreFault;
import io.provergateway.devnet.CoreRoute;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.testsupport.TestPostgres;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Grafana dashboard and the Prometheus rules only use series a running gateway exposes; promtool accepts them. */
class MonitoringFilesTest {
    static final Path DASHBOARD = Path.of("docs/grafana/prover-gateway.json");
    static final Path ALERTS = Path.of("docs/prometheus/alerts.yml");
    /** Series names in PromQL: ours, the upstream ones, and the JVM/process ones ({@code up} is Prometheus's own). */
    private static final Pattern SERIES = Pattern.compile(
            "\\b((?:prover_|server_object_store_|jvm_|process_)[a-zA-Z0-9_]+)\\b");

    @TempDir
    Path dir;

    @Test
    void everySeriesTheDashboardAndTheRulesQuery_isExposedByARunningGateway() throws Exception {
        Set<String> referenced = new TreeSet<>();
        referenced.addAll(series(dashboardExpressions()));
        referenced.addAll(series(Files.readString(ALERTS)));
        assertThat(referenced).contains("prover_gateway_jobs", "prover_gateway_oldest_unsent_proof_age_seconds",
                "prover_fri_prover_fri_gateway_http_error", "prover_gateway_spool_pending");

        try (CoreSimulator core = CoreSimulator.start(CoreSimulator.Settings.defaults());
                Gateway gateway = Gateway.start(OpsConfig.of(core.baseUrl().toString(),
                        TestPostgres.freshDatabase().databaseConfig(2), dir, Duration.ofSeconds(1)))) {
            // One failed fetch, so that the failure series (labelled by task and kind) exist.
            core.injectFault(CoreRoute.PROOF_GENERATION_DATA, CoreFault.httpStatus(502), 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> exposed(gateway.metricsPort())
                    .containsAll(Set.of("prover_gateway_jobs", "prover_gateway_task_failures_total")));
            assertThat(exposed(gateway.metricsPort())).containsAll(referenced);
        }
    }

    @Test
    void theDashboardTakesItsDatasourceFromAVariable() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.at("/templating/list/0/type").asText()).isEqualTo("datasource");
        assertThat(dashboard.at("/templating/list/0/query").asText()).isEqualTo("prometheus");
        assertThat(dashboard.get("panels").findValues("datasource")).isNotEmpty()
                .allSatisfy(ds -> assertThat(ds.get("uid").asText()).isEqualTo("${datasource}"));
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        Assumptions.assumeTrue(Files.isExecutable(promtool) || onPath("promtool"),
                "promtool is not installed (Debian package prometheus); skipping the rule-file check");
        Process process = new ProcessBuilder("promtool", "check", "rules", ALERTS.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 6 rules found");
    }

    private static boolean onPath(String tool) {
        return Set.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static String dashboardExpressions() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        return dashboard.findValues("expr").stream().map(JsonNode::asText).collect(Collectors.joining("\n"))
                + "\n" + dashboard.at("/templating/list").toString();
    }

    private static Set<String> series(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SERIES.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Names of the samples in one scrape ({@code name{labels} value} or {@code name value}). */
    private static Set<String> exposed(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }
}
