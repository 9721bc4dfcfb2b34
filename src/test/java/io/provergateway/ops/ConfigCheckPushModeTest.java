package io.provergateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.config.GatewayConfig;
import io.provergateway.config.PushServerConfig;
import io.provergateway.testsupport.ChainIdSchema;
import io.provergateway.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-config in the ProverCluster profile: the chain-id schema is checked, the unused api_url is not probed. */
class ConfigCheckPushModeTest {
    @TempDir
    Path dir;

    private List<String> probe(GatewayConfig config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigCheck.probe(config, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void passesOnTheChainIdSchema_withoutProbingTheUnusedApiUrl() {
        GatewayConfig config = OpsConfig.of("http://127.0.0.1:1", ChainIdSchema.freshDatabase().databaseConfig(2),
                dir, Duration.ofSeconds(30)).withPushServer(new PushServerConfig("127.0.0.1", 3322, 1000));

        List<String> lines = probe(config);

        assertThat(lines.get(0)).startsWith("probe database: ok (");
        assertThat(lines.get(2)).startsWith("probe core: skipped (ProverCluster");
    }

    @Test
    void namesTheMismatch_onThe25_4Schema() {
        GatewayConfig config = OpsConfig.of("http://127.0.0.1:1", TestPostgres.freshDatabase().databaseConfig(2),
                dir, Duration.ofSeconds(30)).withPushServer(new PushServerConfig("127.0.0.1", 3322, 1000));

        assertThat(probe(config).get(0)).startsWith("probe database: FAILED: ").contains("has the 25.4 schema");
    }
}
