package io.provergateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.Gateway;
import io.provergateway.testsupport.ScriptedCoreServer;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At a 5 s poll the gateway recovers from a long core outage as fast as upstream: while the core answers 503, each
 * loop asks it at most about once a second and never waits more than the poll period (+ jitter) between attempts, so
 * after recovery the first request of each loop comes within one poll period (+ jitter). The old 1 s → 60 s backoff
 * waited 6.4–9.6 s between its fourth and fifth attempts, which the gap bound here rejects.
 */
class RecoveryTimeTest {
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration OUTAGE = Duration.ofSeconds(16);
    /** One poll period + the policy's 20 % jitter + scheduling slack. */
    private static final long MAX_GAP_MS = 6_000 + 400;
    private static final long MIN_GAP_MS = 900;

    @TempDir
    Path dir;

    private record Request(String path, long atMillis) {}

    @Test
    void afterALongOutageEachLoopAsksTheCoreWithinOnePollPeriodOfRecovery() throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        execute(database, "INSERT INTO proof_compression_jobs_fri (l1_batch_number, status, created_at, updated_at)"
                + " VALUES (1, 'skipped', NOW(), NOW())");
        List<Request> requests = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long recoveredAt = OUTAGE.toMillis();
        try (ScriptedCoreServer core = new ScriptedCoreServer()) {
            core.answer(exchange -> {
                long now = (System.nanoTime() - start) / 1_000_000;
                String path = exchange.getRequestURI().getPath();
                requests.add(new Request(path, now));
                if (now < recoveredAt) {
                    ScriptedCoreServer.respond(exchange, 503, "text/plain", "down for maintenance");
                } else if (path.equals("/proof_generation_data")) {
                    ScriptedCoreServer.respond(exchange, 200, "application/json", "{\"Success\":null}");
                } else {
                    ScriptedCoreServer.respond(exchange, 200, "application/json", "\"Success\"");
                }
            });
            GatewayConfigBuilder config = new GatewayConfigBuilder(core.baseUrl(), database.databaseConfig(3),
                    dir.resolve("store"), dir.resolve("spool")).pollInterval(POLL);
            try (Gateway gateway = Gateway.start(config.build())) {
                await().atMost(OUTAGE.plus(Duration.ofSeconds(15))).pollInterval(Duration.ofMillis(100))
                        .until(() -> sent(database) && requests.stream()
                                .anyMatch(r -> r.path().equals("/proof_generation_data") && r.atMillis() >= recoveredAt));
            }
        }
        for (String path : List.of("/proof_generation_data", "/submit_proof/1")) {
            List<Long> times = requests.stream().filter(r -> r.path().equals(path)).map(Request::atMillis).toList();
            String story = path + " requested at (ms) " + times;
            assertThat(times).as(story).anyMatch(t -> t < recoveredAt).anyMatch(t -> t >= recoveredAt);
            for (int i = 1; i < times.size() && times.get(i) < recoveredAt + MAX_GAP_MS; i++) {
                assertThat(times.get(i) - times.get(i - 1)).as(story).isBetween(MIN_GAP_MS, MAX_GAP_MS);
            }
            long firstAfter = times.stream().filter(t -> t >= recoveredAt).findFirst().orElseThrow();
            assertThat(firstAfter - recoveredAt).as(story).isLessThanOrEqualTo(MAX_GAP_MS);
            System.out.println(story + "; first request " + (firstAfter - recoveredAt) + " ms after recovery");
        }
    }

    private static boolean sent(TestDatabase database) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT status FROM proof_compression_jobs_fri WHERE l1_batch_number = 1")) {
            return r.next() && r.getString(1).equals("sent_to_server");
        }
    }

    private static void execute(TestDatabase database, String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
