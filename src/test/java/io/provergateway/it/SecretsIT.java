package io.provergateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.testsupport.ScriptedCoreServer;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database password and the API token are used but never printed: not in logs of a working run with the core
 * failing and then down, not when the password is wrong, not by {@code check-config}, not in a configuration error
 * about a malformed URL, and not in the metrics or health output.
 */
class SecretsIT {
    private static final AtomicInteger ROLES = new AtomicInteger();
    private static final String PASSWORD = "pw-Zq7xKv93Lm";
    private static final String WRONG_PASSWORD = "pw-Wr0ngHq51Tb";
    private static final String TOKEN = "tok-Hy62Rc08Nd";

    @TempDir
    Path dir;

    private final List<GatewayProcess> processes = new ArrayList<>();
    private final List<String> scraped = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestDatabase database;
    private String role;
    private ScriptedCoreServer core;

    @BeforeEach
    void createRoleWithPassword() throws Exception {
        database = TestPostgres.freshDatabase();
        role = "gw_secret_" + ProcessHandle.current().pid() + "_" + ROLES.incrementAndGet();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO " + role);
            s.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO " + role);
            requirePasswordFor(s, role);
        }
        core = new ScriptedCoreServer();
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (GatewayProcess process : processes) {
            process.close();
        }
        core.close();
    }

    @Test
    void neverPrintsTheDatabasePasswordOrTheApiToken() throws Exception {
        runWhileTheCoreFailsAndThenGoesDown();
        runWithAWrongPassword();
        runCheckConfig();
        runWithMalformedUrls();

        assertThat(core.received()).as("requests seen by the core").isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
        for (GatewayProcess process : processes) {
            assertThat(process.output()).as("gateway output").isNotBlank()
                    .doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD).doesNotContain(TOKEN);
        }
        assertThat(scraped).isNotEmpty().allSatisfy(body -> assertThat(body).as("metrics / health")
                .doesNotContain(PASSWORD).doesNotContain(TOKEN));
    }

    private void runWhileTheCoreFailsAndThenGoesDown() throws Exception {
        core.answer(exchange -> ScriptedCoreServer.respond(exchange, 502, "text/plain", "Failed fetching/saving from db"));
        int metricsPort = GatewayEnv.freePort();
        GatewayProcess gateway = start(env(url(PASSWORD)).set("FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_PORT",
                Integer.toString(metricsPort)), "core-failing");
        gateway.awaitOutput("gateway started", Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> core.received().size() >= 2);
        core.close();
        String errorLine = "prover_fri_prover_fri_gateway_http_error{service_name=\"ProofGenDataFetcher\"} ";
        await().atMost(Duration.ofSeconds(30)).failFast(() -> !gateway.isAlive())
                .until(() -> scrape(metricsPort, "/metrics").lines().anyMatch(l -> l.startsWith(errorLine)
                        && Double.parseDouble(l.substring(errorLine.length())) >= 3));
        scraped.add(scrape(metricsPort, "/metrics"));
        scraped.add(scrape(metricsPort, "/health"));
        assertThat(gateway.terminate(Duration.ofSeconds(10))).as(gateway.output()).isZero();
    }

    private void runWithAWrongPassword() throws Exception {
        GatewayProcess gateway = start(env(url(WRONG_PASSWORD)), "wrong-password");
        // A configuration error: the start-up probe sees the refusal at once, within the 10 s contract.
        assertThat(gateway.waitFor(Duration.ofSeconds(10))).as(gateway.output()).isEqualTo(1);
        assertThat(gateway.output()).contains("password authentication failed");
    }

    private void runCheckConfig() throws Exception {
        GatewayProcess gateway = start(env(url(PASSWORD)), "check-config", "check-config");
        // The core is down by now: its probe fails, so check-config exits 1 after printing every probe.
        assertThat(gateway.waitFor(Duration.ofSeconds(30))).as(gateway.output()).isEqualTo(1);
        assertThat(gateway.stdout()).contains("FRI_PROVER_GATEWAY_API_TOKEN").contains("***")
                .contains("probe database: ok").contains("probe core: FAILED");
    }

    private void runWithMalformedUrls() throws Exception {
        String hostAndDb = "@127.0.0.1:" + database.port() + "/" + database.name();
        List<String> malformed = List.of(
                "postgres//" + role + ":" + PASSWORD + hostAndDb,
                role + ":" + PASSWORD + hostAndDb,
                "postgres://" + role + ":" + PASSWORD + "@127.0.0.1:99999/" + database.name(),
                "postgres://" + role + ":" + PASSWORD + hostAndDb + "/extra",
                "postgres://" + role + ":" + PASSWORD + hostAndDb + "?sslmode=sometimes",
                "postgres://" + role + ":" + PASSWORD + "%zz" + hostAndDb,
                "postgres://" + role + "@127.0.0.1/" + database.name() + "?password=" + PASSWORD + "&sslmode=bad");
        for (int i = 0; i < malformed.size(); i++) {
            GatewayProcess gateway = start(env(malformed.get(i)), "malformed-" + i);
            assertThat(gateway.waitFor(Duration.ofSeconds(30))).as(gateway.output()).isEqualTo(2);
            assertThat(gateway.stderr()).contains("DATABASE_PROVER_URL");
        }
    }

    private String url(String password) {
        return "postgres://" + role + ":" + password + "@127.0.0.1:" + database.port() + "/" + database.name();
    }

    private GatewayEnv env(String databaseUrl) {
        return GatewayEnv.of(core.baseUrl(), databaseUrl, dir.resolve("store"), dir.resolve("spool"),
                GatewayEnv.freePort()).set("FRI_PROVER_GATEWAY_API_TOKEN", TOKEN);
    }

    private GatewayProcess start(GatewayEnv env, String name, String... args) throws Exception {
        GatewayProcess process = GatewayProcess.start(env.toMap(), dir.resolve("work"), name, args);
        processes.add(process);
        return process;
    }

    private String scrape(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * The embedded server trusts local connections; this makes it check {@code role}'s password (and only its), by
     * putting a scram rule for it first in pg_hba.conf and reloading.
     */
    private static void requirePasswordFor(Statement superuser, String role) throws SQLException, java.io.IOException {
        Path hba;
        try (ResultSet rs = superuser.executeQuery("SHOW hba_file")) {
            rs.next();
            hba = Path.of(rs.getString(1));
        }
        String rule = "host all " + role + " 127.0.0.1/32 scram-sha-256\n";
        synchronized (SecretsIT.class) {
            Files.writeString(hba, rule + Files.readString(hba));
        }
        superuser.execute("SELECT pg_reload_conf()");
    }
}
