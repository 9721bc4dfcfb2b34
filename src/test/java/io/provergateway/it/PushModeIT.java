package io.provergateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.PushRequestJson;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.testsupport.ChainIdSchema;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ProverCluster profile as a process: schema mismatch exits, init-schema, a large push through a small heap. */
class PushModeIT {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** JSON bytes of the oversized push; its {@code storage_refunds} array alone is this long. */
    private static final long LARGE_PUSH_BYTES = 200L << 20;

    @TempDir
    Path dir;

    private final List<GatewayProcess> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (GatewayProcess process : processes) {
            process.close();
        }
    }

    private GatewayEnv pushEnv(String databaseUrl, int port) {
        return GatewayEnv.of("http://127.0.0.1:3320", databaseUrl, dir.resolve("store"), dir.resolve("spool"),
                GatewayEnv.freePort())
                .set("FRI_PROVER_GATEWAY_API_MODE", "ProverCluster")
                .set("FRI_PROVER_GATEWAY_PORT", Integer.toString(port))
                .set("FRI_PROVER_GATEWAY_LISTENER_HOST", "127.0.0.1");
    }

    private GatewayProcess start(String heap, GatewayEnv env, String name, String... args) throws IOException {
        GatewayProcess process = GatewayProcess.startWithHeap(heap, env.toMap(), dir, name, args);
        processes.add(process);
        return process;
    }

    @Test
    void proverClusterOnThe25_4Schema_exits2_namingTheMismatch() throws Exception {
        GatewayProcess gateway = start("256m", pushEnv(TestPostgres.freshDatabase().rustUrl(), GatewayEnv.freePort()),
                "push-on-25-4");

        assertThat(gateway.waitFor(LIMIT)).as(gateway.output()).isEqualTo(2);
        assertThat(gateway.stderr()).contains("api mode ProverCluster").contains("has the 25.4 schema");
    }

    @Test
    void legacyOnTheChainIdSchema_exits2_namingTheMismatch() throws Exception {
        GatewayEnv env = pushEnv(ChainIdSchema.freshDatabase().rustUrl(), GatewayEnv.freePort())
                .remove("FRI_PROVER_GATEWAY_API_MODE");
        GatewayProcess gateway = start("256m", env, "legacy-on-chain-id");

        assertThat(gateway.waitFor(LIMIT)).as(gateway.output()).isEqualTo(2);
        assertThat(gateway.stderr()).contains("api mode Legacy").contains("has the chain-id schema");
    }

    @Test
    void initSchemaForProverCluster_thenALargePushStreamsThroughA64MiBHeap() throws Exception {
        TestDatabase database = TestPostgres.emptyDatabase();
        GatewayProcess init = start("256m", GatewayEnv.empty().set("DATABASE_PROVER_URL", database.rustUrl()),
                "init", "init-schema", "--api-mode", "ProverCluster");
        assertThat(init.waitFor(Duration.ofSeconds(30))).as(init.output()).isZero();
        int port = GatewayEnv.freePort();
        GatewayProcess gateway = start("64m", pushEnv(database.rustUrl(), port), "large-push");
        gateway.awaitOutput("gateway started api_mode=ProverCluster", Duration.ofSeconds(30));

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/submit_request_for_proofs"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(PushModeIT::largeBody)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body() + gateway.output()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("null");
        Path blob = dir.resolve("store/witness_inputs/witness_inputs_9_270.cbor");
        assertThat(Files.size(blob)).isGreaterThan(LARGE_PUSH_BYTES / 8);
        assertThat(ChainIdSchema.single(database.dataSource(), "SELECT status FROM witness_inputs_fri"
                + " WHERE l1_batch_number = 9 AND chain_id = 270")).contains("queued");
        assertThat(gateway.output()).doesNotContain("OutOfMemoryError");
        assertThat(gateway.terminate(LIMIT)).isZero();
    }

    /** A valid push whose {@code storage_refunds} holds {@link #LARGE_PUSH_BYTES} of numbers, generated on the fly. */
    private static InputStream largeBody() {
        String body = new String(PushRequestJson.write(new WitnessDataGenerator(1, CommitmentMode.VALIDIUM)
                .generate(9), 270, Instant.parse("2026-06-30T08:15:02Z")), StandardCharsets.UTF_8);
        int start = body.indexOf("\"storage_refunds\":[") + "\"storage_refunds\":[".length();
        int end = body.indexOf(']', start);
        InputStream head = new ByteArrayInputStream(body.substring(0, start).getBytes(StandardCharsets.UTF_8));
        InputStream tail = new ByteArrayInputStream(("0" + body.substring(end)).getBytes(StandardCharsets.UTF_8));
        return new SequenceInputStream(head, new SequenceInputStream(new RepeatedNumbers(LARGE_PUSH_BYTES), tail));
    }

    /** {@code "123456,"} repeated until {@code length} bytes. */
    private static final class RepeatedNumbers extends InputStream {
        private static final byte[] ITEM = "123456,".getBytes(StandardCharsets.US_ASCII);
        private long remaining;
        private int offset;

        RepeatedNumbers(long length) {
            remaining = length - length % ITEM.length;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            byte b = ITEM[offset];
            offset = (offset + 1) % ITEM.length;
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                buffer[off + i] = ITEM[offset];
                offset = offset + 1 == ITEM.length ? 0 : offset + 1;
            }
            remaining -= n;
            return n;
        }
    }
}
