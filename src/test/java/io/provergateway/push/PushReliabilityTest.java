package io.provergateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.devnet.PushProofs;
import io.provergateway.testsupport.ChainIdSchema;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.wire.ProtocolVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graceful stop and several instances behind one address. */
class PushReliabilityTest {
    private static final String SUBMIT = "/submit_request_for_proofs";
    private static final String POLL = "/poll_generated_proofs";

    @TempDir
    Path dir;

    @Test
    void stop_letsAPushInFlightFinish_andStoreItsBatch() throws Exception {
        PushGateway gateway = PushGateway.start(dir, 64L << 20);
        byte[] body = PushSubmitTest.body(11, 1).getBytes(StandardCharsets.UTF_8);
        CompletableFuture<HttpResponse<String>> push = CompletableFuture.supplyAsync(() -> gateway.post(SUBMIT,
                "application/json", HttpRequest.BodyPublishers.ofInputStream(() -> new SlowBody(body, 2000))));
        Thread.sleep(700); // the body is half sent

        gateway.close();

        HttpResponse<String> response = push.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("null");
        assertThat(Files.exists(gateway.store.resolve("witness_inputs/witness_inputs_11_270.cbor"))).isTrue();
        assertThat(ChainIdSchema.single(gateway.db(), "SELECT status FROM witness_inputs_fri")).contains("queued");
    }

    @Test
    void twoInstancesOnOneDatabaseAndStore_answerAlike() throws IOException {
        TestDatabase database = ChainIdSchema.freshDatabase();
        Path store = dir.resolve("shared-store");
        try (PushGateway a = PushGateway.start(dir.resolve("a"), database, store, 64L << 20);
                PushGateway b = PushGateway.start(dir.resolve("b"), database, store, 64L << 20)) {
            assertThat(a.postJson(SUBMIT, PushSubmitTest.body(12, 1)).body()).isEqualTo("null");
            assertThat(b.postJson(SUBMIT, PushSubmitTest.body(12, 1)).body()).isEqualTo("null");
            assertThat(ChainIdSchema.single(database.dataSource(), "SELECT count(*) FROM witness_inputs_fri"))
                    .contains("1");

            ChainIdSchema.compressionJob(database.dataSource(), 12, 270, "successful", 28, 0);
            assertThat(b.blobs("witness_inputs")).containsExactly("witness_inputs_12_270.cbor");
            Path proof = store.resolve("proofs_fri/l1_batch_proof_12_270_0_28_0.cbor");
            Files.createDirectories(proof.getParent());
            Files.write(proof, new PushProofs(1).cbor(12, new ProtocolVersion(28, 0)));
            String viaA = a.postJson(POLL, "{\"l1_batch_id\":{\"chain_id\":270,\"batch_number\":12}}").body();
            String viaB = b.postJson(POLL, "{\"l1_batch_id\":{\"chain_id\":270,\"batch_number\":12}}").body();

            assertThat(viaA).startsWith("{\"l1_batch_id\"").isEqualTo(viaB);
            assertThat(ChainIdSchema.single(database.dataSource(), "SELECT status FROM proof_compression_jobs_fri"))
                    .contains("sent_to_server");
        }
    }

    /** Sends {@code body} over about {@code millis} ms in 20 pieces. */
    private static final class SlowBody extends InputStream {
        private final InputStream in;
        private final int piece;
        private final long pause;

        SlowBody(byte[] body, long millis) {
            this.in = new ByteArrayInputStream(body);
            this.piece = body.length / 20 + 1;
            this.pause = millis / 20;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return in.read(b, off, Math.min(len, piece));
        }
    }
}
