package io.provergateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import io.provergateway.bench.LargePayload;
import io.provergateway.testsupport.ScriptedCoreServer;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling restart loses no batch: SIGTERM arrives while the gateway jar downloads a 60 MB batch at a steady
 * ~10 MB/s; the download is allowed to finish within the shutdown grace, the process exits 0, and a restarted gateway
 * stores the batch although the core never hands it out again (re-issue disabled: it answers "nothing to prove").
 */
class GracefulStopIT {
    private static final long BATCH = 1;
    private static final long PAYLOAD_BYTES = 60L * 1000 * 1000;
    private static final int CHUNK = 512 * 1024;
    private static final Duration CHUNK_PAUSE = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private ScriptedCoreServer core;
    private TestDatabase database;
    private GatewayProcess gateway;
    private final AtomicInteger dataRequests = new AtomicInteger();
    private final CompletableFuture<Void> downloadStarted = new CompletableFuture<>();
    private final CompletableFuture<Long> bytesSent = new CompletableFuture<>();

    @BeforeEach
    void startCore() throws IOException {
        database = TestPostgres.freshDatabase();
        core = new ScriptedCoreServer();
        LargePayload payload = new LargePayload(BATCH);
        long entries = (PAYLOAD_BYTES - payload.totalBytes(0)) / payload.entryBytes();
        core.answer(exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/proof_generation_data")) {
                ScriptedCoreServer.respond(exchange, 200, "application/json", "\"Success\"");
            } else if (dataRequests.incrementAndGet() == 1) {
                serveSteadily(exchange, payload, entries);
            } else {
                ScriptedCoreServer.respond(exchange, 200, "application/json", "{\"Success\":null}");
            }
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        core.close();
    }

    @Test
    void sigtermDuringASteadyDownloadLetsItFinish_andARestartStoresTheBatchWithoutReissue() throws Exception {
        GatewayEnv env = GatewayEnv.of(core.baseUrl(), database.rustUrl(), dir.resolve("store"), dir.resolve("spool"),
                GatewayEnv.freePort());
        gateway = GatewayProcess.start(env.toMap(), dir, "first");
        downloadStarted.get(60, java.util.concurrent.TimeUnit.SECONDS);
        Thread.sleep(1500);
        assertThat(bytesSent).as("download still running when SIGTERM is sent").isNotDone();

        long signalled = System.nanoTime();
        int exit = gateway.terminate(Duration.ofSeconds(25 + 5));
        Duration stopTook = Duration.ofNanos(System.nanoTime() - signalled);

        assertThat(exit).as(gateway.output()).isZero();
        assertThat(bytesSent.getNow(-1L)).as("the core wrote the whole body (nothing cut)")
                .isGreaterThanOrEqualTo(PAYLOAD_BYTES - CHUNK);
        assertThat(gateway.output()).contains("batch received l1_batch_number=" + BATCH);
        boolean storedBeforeExit = witnessRows() == 1;
        System.out.printf("stop took %d ms after SIGTERM; batch %s before exit%n", stopTook.toMillis(),
                storedBeforeExit ? "stored" : "spooled");
        if (!storedBeforeExit) {
            assertThat(spooled()).as("the batch waits in the spool").isOne();
        }

        gateway = GatewayProcess.start(env.toMap(), dir, "second");
        gateway.awaitOutput("gateway started", Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .failFast("restarted gateway exited", () -> !gateway.isAlive())
                .until(() -> witnessRows() == 1
                        && Files.isRegularFile(dir.resolve("store/witness_inputs/witness_inputs_" + BATCH + ".bin")));
        assertThat(gateway.terminate(Duration.ofSeconds(10))).as(gateway.output()).isZero();
        assertThat(dataRequests.get()).as("the core handed the batch out once; later requests got nothing")
                .isGreaterThanOrEqualTo(2);
    }

    private void serveSteadily(HttpExchange exchange, LargePayload payload, long entries) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, payload.totalBytes(entries));
        downloadStarted.complete(null);
        long[] written = {0};
        try (OutputStream paced = new PacedOutput(exchange.getResponseBody(), written)) {
            payload.writeTo(paced, entries);
        }
        bytesSent.complete(written[0]);
    }

    private long spooled() throws IOException {
        try (var files = Files.list(dir.resolve("spool"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("batch_" + BATCH + "_")).count();
        }
    }

    private long witnessRows() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM witness_inputs_fri WHERE l1_batch_number = "
                        + BATCH)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Pauses after every {@link #CHUNK} bytes: a steady ~10 MB/s. */
    private static final class PacedOutput extends java.io.FilterOutputStream {
        private final long[] written;
        private long sinceChunk;

        PacedOutput(OutputStream out, long[] written) {
            super(new java.io.BufferedOutputStream(out, 64 * 1024));
            this.written = written;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written[0] += len;
            sinceChunk += len;
            if (sinceChunk >= CHUNK) {
                sinceChunk = 0;
                out.flush();
                try {
                    Thread.sleep(CHUNK_PAUSE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
