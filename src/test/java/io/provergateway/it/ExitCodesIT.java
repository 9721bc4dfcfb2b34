package io.provergateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.testsupport.UpstreamYamlExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process contract: 0 after SIGTERM (within 10 s, whatever it is doing), 1 start-up failure, 2 config error. */
class ExitCodesIT {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<GatewayProcess> processes = new ArrayList<>();
    private CoreSimulator core;

    @BeforeEach
    void startCore() {
        core = CoreSimulator.start(CoreSimulator.Settings.defaults().withMode(CommitmentMode.VALIDIUM));
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (GatewayProcess process : processes) {
            process.close();
        }
        core.close();
    }

    @Test
    void exits2_withOneLineNamingTheVariable_whenTheApiUrlIsMissing() throws Exception {
        GatewayProcess gateway = start(env(TestPostgres.freshDatabase().rustUrl())
                .remove("FRI_PROVER_GATEWAY_API_URL"), "missing-url");

        assertThat(gateway.waitFor(LIMIT)).as(gateway.output()).isEqualTo(2);
        assertThat(gateway.stderr().lines().filter(l -> !l.isBlank()).toList()).as(gateway.output())
                .singleElement().asString().contains("FRI_PROVER_GATEWAY_API_URL");
    }

    @Test
    void exits2_withOneLineNamingVariableAndValue_whenThePollDurationIsNotANumber() throws Exception {
        GatewayProcess gateway = start(env(TestPostgres.freshDatabase().rustUrl())
                .set("FRI_PROVER_GATEWAY_API_POLL_DURATION_SECS", "abc"), "bad-poll");

        assertThat(gateway.waitFor(LIMIT)).as(gateway.output()).isEqualTo(2);
        assertThat(gateway.stderr().lines().filter(l -> !l.isBlank()).toList()).as(gateway.output())
                .singleElement().asString().contains("FRI_PROVER_GATEWAY_API_POLL_DURATION_SECS").contains("abc");
    }

    @Test
    void exits1_namingTheMissingTable_whenTheDatabaseHasNoSchema() throws Exception {
        GatewayProcess gateway = start(env(TestPostgres.emptyDatabase().rustUrl()), "no-schema");

        assertThat(gateway.waitFor(LIMIT)).as(gateway.output()).isEqualTo(1);
        assertThat(gateway.output()).contains("witness_inputs_fri");
    }

    @Test
    void exits0_onSigterm_whileRunning() throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        core.addBatches(1);
        GatewayProcess gateway = start(env(database.rustUrl()), "healthy");
        await().atMost(Duration.ofSeconds(60)).failFast(() -> !gateway.isAlive()).until(() -> core.fetchCount(1) > 0);

        assertThat(gateway.terminate(LIMIT)).as(gateway.output()).isZero();
    }

    @Test
    void exits0_onSigterm_whileWaitingForAnUnreachableDatabase() throws Exception {
        GatewayProcess gateway = start(env(GatewayEnv.unreachableDatabaseUrl()), "db-down");
        // The listener starts just before the first database check, which then hangs on a refused port.
        gateway.awaitOutput("metrics listener started", Duration.ofSeconds(30));
        Thread.sleep(1000);
        assertThat(gateway.output()).doesNotContain("gateway started");

        assertThat(gateway.terminate(LIMIT)).as(gateway.output()).isZero();
    }

    @Test
    void initSchema_createsTheTables_andRefusesASecondTime() throws Exception {
        TestDatabase database = TestPostgres.emptyDatabase();
        GatewayEnv env = GatewayEnv.empty().set("DATABASE_PROVER_URL", database.rustUrl());

        GatewayProcess first = start(env, "init-1", "init-schema");
        assertThat(first.waitFor(Duration.ofSeconds(30))).as(first.output()).isZero();
        assertThat(tables(database)).contains("witness_inputs_fri", "prover_fri_protocol_versions",
                "proof_compression_jobs_fri");

        GatewayProcess second = start(env, "init-2", "init-schema");
        assertThat(second.waitFor(Duration.ofSeconds(30))).as(second.output()).isNotZero();
        assertThat(second.stderr()).contains("already exist");
    }

    @Test
    void runsFromUpstreamYamlFiles_andFetchesABatch() throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        core.addBatches(1);
        Path general = dir.resolve("general.yaml");
        Path secrets = dir.resolve("secrets.yaml");
        Files.writeString(general, UpstreamYamlExample.general(core.baseUrl().toString(), GatewayEnv.freePort(),
                dir.resolve("artifacts")));
        Files.writeString(secrets, UpstreamYamlExample.secrets(database.rustUrl()));

        GatewayProcess gateway = start(GatewayEnv.empty(), "yaml", "--config-path", general.toString(),
                "--secrets-path", secrets.toString());
        await().atMost(Duration.ofSeconds(60)).failFast(() -> !gateway.isAlive())
                .until(() -> Files.exists(dir.resolve("artifacts/witness_inputs/witness_inputs_1.bin")));

        assertThat(core.fetchCount(1)).isPositive();
        assertThat(gateway.terminate(LIMIT)).as(gateway.output()).isZero();
    }

    private GatewayEnv env(String databaseUrl) {
        return GatewayEnv.of(core.baseUrl().toString(), databaseUrl, dir.resolve("store"), dir.resolve("spool"),
                GatewayEnv.freePort());
    }

    private GatewayProcess start(GatewayEnv env, String name, String... args) throws Exception {
        GatewayProcess process = GatewayProcess.start(env.toMap(), dir.resolve("work"), name, args);
        processes.add(process);
        return process;
    }

    private static List<String> tables(TestDatabase database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
