package io.provergateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.testsupport.UpstreamYamlExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration problems are found before the gateway waits for the database: the database here is unreachable (a
 * gateway that waited for it would still be running), yet each problem ends the jar with exit 2 within seconds and one
 * stderr line naming the setting as the operator wrote it: the env var, or the YAML path when YAML was used.
 */
class StartupConfigIT {
    private static final Duration LIMIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final List<GatewayProcess> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (GatewayProcess process : processes) {
            process.close();
        }
    }

    private GatewayEnv env() {
        return GatewayEnv.of("http://127.0.0.1:" + GatewayEnv.freePort(), GatewayEnv.unreachableDatabaseUrl(),
                dir.resolve("store"), dir.resolve("spool"), GatewayEnv.freePort());
    }

    @Test
    void aCaBundleWithoutCertificates_exits2NamingTheVariable() throws Exception {
        Path bundle = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        assertConfigError(run(env().set("FRI_PROVER_GATEWAY_API_CA_CERT_PATH", bundle.toString()), "ca"),
                "FRI_PROVER_GATEWAY_API_CA_CERT_PATH");
    }

    @Test
    void aSpoolPathThatIsAFile_exits2NamingTheVariable() throws Exception {
        Path file = Files.writeString(dir.resolve("spool-file"), "in the way");
        assertConfigError(run(env().set("FRI_PROVER_GATEWAY_SPOOL_PATH", file.toString()), "spool"),
                "FRI_PROVER_GATEWAY_SPOOL_PATH");
    }

    @Test
    void anUnknownStoreModeOrLogFormat_exits2NamingTheVariable() throws Exception {
        assertConfigError(run(env().set("PROVER_OBJECT_STORE_MODE", "Floppy"), "mode"), "PROVER_OBJECT_STORE_MODE");
        assertConfigError(run(env().set("MISC_LOG_FORMAT", "xml"), "log"), "MISC_LOG_FORMAT");
    }

    @Test
    void withYaml_theProblemsNameTheYamlPath() throws Exception {
        Path bundle = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        Path spoolFile = Files.writeString(dir.resolve("spool-file"), "in the way");
        String general = UpstreamYamlExample.general("http://127.0.0.1:" + GatewayEnv.freePort(),
                GatewayEnv.freePort(), dir.resolve("store"));
        assertConfigError(runYaml(general.replace("  api_poll_duration_secs: 1",
                "  api_poll_duration_secs: 1\n  api_ca_cert_path: " + bundle), "yaml-ca"),
                "prover_gateway.api_ca_cert_path");
        assertConfigError(runYaml(general.replace("  api_poll_duration_secs: 1",
                "  api_poll_duration_secs: 1\n  spool_path: " + spoolFile), "yaml-spool"),
                "prover_gateway.spool_path");
        assertConfigError(runYaml(general.replace("log_format: plain", "log_format: xml"), "yaml-log"),
                "observability.log_format");
    }

    private GatewayProcess run(GatewayEnv env, String name) throws Exception {
        GatewayProcess process = GatewayProcess.start(env.toMap(), dir, name);
        processes.add(process);
        return process;
    }

    private GatewayProcess runYaml(String general, String name) throws Exception {
        Path generalFile = Files.writeString(dir.resolve(name + "-general.yaml"), general);
        Path secrets = Files.writeString(dir.resolve(name + "-secrets.yaml"),
                UpstreamYamlExample.secrets(GatewayEnv.unreachableDatabaseUrl()));
        GatewayProcess process = GatewayProcess.start(GatewayEnv.empty().toMap(), dir, name, "--config-path",
                generalFile.toString(), "--secrets-path", secrets.toString());
        processes.add(process);
        return process;
    }

    private static void assertConfigError(GatewayProcess gateway, String setting) throws InterruptedException {
        assertThat(gateway.waitFor(LIMIT)).as(gateway.output()).isEqualTo(2);
        assertThat(gateway.stderr().lines().filter(l -> !l.isBlank()).toList()).as(gateway.output())
                .singleElement().asString().contains("configuration error").contains(setting);
        if (!setting.contains("_") || setting.contains(".")) {
            assertThat(gateway.stderr()).as("no env var names in YAML mode").doesNotContain("FRI_PROVER_GATEWAY_");
        }
    }
}
