package io.provergateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.config.GatewayConfig;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-config's probes: one line each, ok or the reason, and the core is never asked for a batch. */
class ConfigCheckTest {
    @TempDir
    Path dir;

    @Test
    void everyProbePasses_againstRealPeers_withoutTakingABatchFromTheCore() throws Exception {
        try (CoreSimulator core = CoreSimulator.start(CoreSimulator.Settings.defaults())) {
            List<Long> batches = core.addBatches(1);
            GatewayConfig config = OpsConfig.of(core.baseUrl().toString(),
                    TestPostgres.freshDatabase().databaseConfig(2), dir, Duration.ofSeconds(30));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean ok = ConfigCheck.probe(config, new PrintStream(out, true, StandardCharsets.UTF_8));

            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(ok).as(lines.toString()).isTrue();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).startsWith("probe database: ok (");
            assertThat(lines.get(1)).isEqualTo("probe object_store: ok (witness_inputs/"
                    + ReadinessProbe.PROBE_KEY + ": not found, as expected)");
            assertThat(lines.get(2)).startsWith("probe core: ok (TCP 127.0.0.1:").contains("answered HTTP ");
            assertThat(core.fetchCount(batches.get(0))).isZero();
        }
    }

    @Test
    void eachFailingProbeNamesWhy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GatewayConfig config = OpsConfig.of("http://127.0.0.1:" + closedPort,
                TestPostgres.emptyDatabase().databaseConfig(2), dir, Duration.ofSeconds(30));
        Files.createDirectories(dir.resolve("store"));
        Files.writeString(dir.resolve("store").resolve("witness_inputs"), "a file, not a bucket");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean ok = ConfigCheck.probe(config, new PrintStream(out, true, StandardCharsets.UTF_8));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(ok).isFalse();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("probe database: FAILED: schema: ").contains("table witness_inputs_fri");
        assertThat(lines.get(1)).startsWith("probe object_store: FAILED: ");
        assertThat(lines.get(2)).startsWith("probe core: FAILED: TCP 127.0.0.1:" + closedPort + " not reachable");
    }
}
