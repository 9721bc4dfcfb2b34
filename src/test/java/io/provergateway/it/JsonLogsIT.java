package io.provergateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreFault;
import io.provergateway.devnet.CoreRoute;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.testsupport.UpstreamYamlExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar with {@code MISC_LOG_FORMAT=json} (env) or {@code observability.log_format: json} (YAML) writes one JSON
 * object per line, never a secret; {@code RUST_LOG} directives set the levels.
 */
class JsonLogsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DB_PASSWORD = "pw-J50nL0gs7q";
    private static final String TOKEN = "tok-J50nL0gsXy81";

    @TempDir
    Path dir;

    private final List<GatewayProcess> processes = new ArrayList<>();
    private CoreSimulator core;
    private TestDatabase database;

    @BeforeEach
    void start() {
        core = CoreSimulator.start(CoreSimulator.Settings.defaults().withMode(CommitmentMode.VALIDIUM));
        core.injectFault(CoreRoute.PROOF_GENERATION_DATA, CoreFault.httpStatus(502), 1);
        core.addBatches(1);
        database = TestPostgres.freshDatabase();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (GatewayProcess process : processes) {
            process.close();
        }
        core.close();
    }

    /** The embedded server trusts local connections, so any password works; it must still never be printed. */
    private String databaseUrl() {
        return "postgres://postgres:" + DB_PASSWORD + "@127.0.0.1:" + database.port() + "/" + database.name();
    }

    @Test
    void envJsonFormat_givesOneJsonObjectPerLine_withoutSecrets_atTheRustLogLevels() throws Exception {
        GatewayEnv env = GatewayEnv.of(core.baseUrl().toString(), databaseUrl(), dir.resolve("store"),
                dir.resolve("spool"), GatewayEnv.freePort())
                .set("MISC_LOG_FORMAT", "json").set("FRI_PROVER_GATEWAY_API_TOKEN", TOKEN)
                .set("RUST_LOG", "warn,zksync_prover_fri_gateway=debug");
        GatewayProcess gateway = run(env, "env-json");

        List<JsonNode> lines = jsonLines(gateway);
        assertThat(lines).anySatisfy(l -> assertThat(l.get("level").asText()).isEqualTo("DEBUG"))
                .anySatisfy(l -> assertThat(l.get("formattedMessage").asText()).startsWith("gateway started"))
                .allSatisfy(l -> assertThat(l.get("loggerName").asText()).satisfiesAnyOf(
                        name -> assertThat(name).startsWith("io.provergateway"),
                        name -> assertThat(l.get("level").asText()).isIn("WARN", "ERROR")));
    }

    @Test
    void yamlJsonFormat_givesOneJsonObjectPerLine_withoutSecrets() throws Exception {
        Path general = dir.resolve("general.yaml");
        Files.writeString(general, UpstreamYamlExample.general(core.baseUrl().toString(), GatewayEnv.freePort(),
                dir.resolve("store")).replace("log_format: plain", "log_format: json")
                + "  spool_path: " + dir.resolve("spool") + "\n");
        Path secrets = dir.resolve("secrets.yaml");
        Files.writeString(secrets, UpstreamYamlExample.secrets(databaseUrl())
                + "prover_gateway:\n  api_token: " + TOKEN + "\n");
        GatewayProcess gateway = run(GatewayEnv.empty(), "yaml-json", "--config-path", general.toString(),
                "--secrets-path", secrets.toString());

        assertThat(jsonLines(gateway)).anySatisfy(l -> assertThat(l.get("formattedMessage").asText())
                .startsWith("gateway started")).allSatisfy(l -> assertThat(l.get("level").asText())
                .isIn("INFO", "WARN", "ERROR"));
    }

    /** Runs the gateway until it stored the batch (after one failed fetch), then stops it. */
    private GatewayProcess run(GatewayEnv env, String name, String... args) throws Exception {
        GatewayProcess gateway = GatewayProcess.start(env.toMap(), dir.resolve("work-" + name), name, args);
        processes.add(gateway);
        gateway.awaitOutput("batch stored", Duration.ofSeconds(60));
        assertThat(gateway.terminate(Duration.ofSeconds(10))).as(gateway.output()).isZero();
        assertThat(gateway.output()).doesNotContain(DB_PASSWORD).doesNotContain(TOKEN);
        return gateway;
    }

    private static List<JsonNode> jsonLines(GatewayProcess gateway) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : gateway.stdout().lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            assertThat(node.has("level") && node.has("formattedMessage")).as(line).isTrue();
            lines.add(node);
        }
        assertThat(lines).isNotEmpty();
        return lines;
    }
}
