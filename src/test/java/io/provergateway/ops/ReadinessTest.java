package io.provergateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.Gateway;
import io.provergateway.config.GatewayConfig;
import io.provergateway.db.SchemaInstaller;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.testsupport.RestartablePostgres;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /health is liveness, /ready follows the database and the object store under a running gateway. */
class ReadinessTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void ready_is503WhilePostgresIsDown_atStartAndUnderARunningGateway_whileHealthStays200() throws Exception {
        int port = freePort();
        try (RestartablePostgres postgres = new RestartablePostgres();
                CoreSimulator core = CoreSimulator.start(CoreSimulator.Settings.defaults())) {
            TestDatabase database = postgres.createDatabase("gw_ops_ready");
            SchemaInstaller.install(database.dataSource());
            postgres.stop();
            GatewayConfig config = OpsConfig.withMetricsPort(OpsConfig.of(core.baseUrl().toString(),
                    database.databaseConfig(2), dir, Duration.ofSeconds(30)), port);
            CompletableFuture<Gateway> starting = CompletableFuture.supplyAsync(() -> Gateway.start(config));
            try {
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                        .until(() -> get(port, "/health").statusCode() == 200);
                assertThat(get(port, "/ready").statusCode()).isEqualTo(503);
                assertThat(get(port, "/ready").body()).startsWith("{\"status\":\"not_ready\",\"reasons\":[\"database: ");

                postgres.start();
                await().atMost(Duration.ofSeconds(40)).until(() -> get(port, "/ready").statusCode() == 200);

                postgres.stop();
                await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/ready").statusCode() == 503);
                assertThat(get(port, "/ready").body()).startsWith("{\"status\":\"not_ready\",\"reasons\":[\"database: ");
                assertThat(get(port, "/health").statusCode()).isEqualTo(200);
                assertThat(get(port, "/health").body()).isEqualTo("{\"status\":\"ok\"}");

                postgres.start();
                await().atMost(Duration.ofSeconds(40)).until(() -> get(port, "/ready").statusCode() == 200);
                assertThat(get(port, "/ready").body()).startsWith("{\"status\":\"ready\"");
            } finally {
                starting.get(30, TimeUnit.SECONDS).close();
            }
        }
    }

    @Test
    void ready_names503ObjectStore_whenTheBucketIsNotADirectory() throws Exception {
        try (CoreSimulator core = CoreSimulator.start(CoreSimulator.Settings.defaults())) {
            TestDatabase database = TestPostgres.freshDatabase();
            try (Gateway gateway = Gateway.start(OpsConfig.of(core.baseUrl().toString(),
                    database.databaseConfig(2), dir, Duration.ofSeconds(30)))) {
                int port = gateway.metricsPort();
                await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/ready").statusCode() == 200);
                Path bucket = dir.resolve("store").resolve("witness_inputs");
                Files.walk(bucket).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                Files.writeString(bucket, "not a directory");

                await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/ready").statusCode() == 503);
                assertThat(get(port, "/ready").body()).contains("\"object_store: ");
            }
        }
    }

    @Test
    void ready_staysReady_withTheCoreTroubleAsAWarning_whenTheCoreIsDown() throws Exception {
        int closedPort = freePort();
        try (Gateway gateway = Gateway.start(OpsConfig.of("http://127.0.0.1:" + closedPort,
                TestPostgres.freshDatabase().databaseConfig(2), dir, Duration.ofSeconds(30)))) {
            int port = gateway.metricsPort();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> get(port, "/ready").body().contains("ProofGenDataFetcher"));
            HttpResponse<String> ready = get(port, "/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body())
                    .startsWith("{\"status\":\"ready\",\"warnings\":[\"ProofGenDataFetcher failing kind=core_");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
