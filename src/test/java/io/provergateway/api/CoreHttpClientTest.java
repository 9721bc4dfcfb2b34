package io.provergateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import io.provergateway.config.ApiConfig;
import io.provergateway.config.Secret;
import io.provergateway.testsupport.ScriptedCoreServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoreHttpClientTest {
    private ScriptedCoreServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedCoreServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CoreHttpClient client(Duration requestTimeout, long maxBytes) {
        return new CoreHttpClient(new ApiConfig(server.baseUrl(), Duration.ofSeconds(2), requestTimeout, maxBytes,
                Optional.empty(), Optional.of(new Secret("tok-123"))), true);
    }

    private CoreHttpClient client() {
        return client(Duration.ofSeconds(5), 1 << 20);
    }

    private static String readAll(java.io.InputStream in) throws java.io.IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void fetchPostsEmptyObjectWithJsonContentTypeTokenAndZstdAcceptance() {
        server.answer(ex -> ScriptedCoreServer.respond(ex, 200, "application/json", "{\"Success\":null}"));
        String body = client().fetchProofGenerationData(CoreHttpClientTest::readAll);

        assertThat(body).isEqualTo("{\"Success\":null}");
        ScriptedCoreServer.Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/proof_generation_data");
        assertThat(request.body()).isEqualTo("{}");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.acceptEncoding()).isEqualTo("zstd");
        assertThat(request.authorization()).isEqualTo("Bearer tok-123");
    }

    @Test
    void fetchDecodesZstdCompressedBody() {
        byte[] compressed = Zstd.compress("{\"Success\":null}".getBytes(StandardCharsets.UTF_8));
        server.answer(ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("Content-Encoding", "zstd");
            ex.sendResponseHeaders(200, compressed.length);
            ex.getResponseBody().write(compressed);
        });
        assertThat(client().fetchProofGenerationData(CoreHttpClientTest::readAll)).isEqualTo("{\"Success\":null}");
    }

    @Test
    void nonSuccessStatusCarriesStatusAndPlainTextBody() {
        server.answer(ex -> ScriptedCoreServer.respond(ex, 502, "text/plain", "Failed fetching/saving from db"));
        assertThatThrownBy(() -> client().fetchProofGenerationData(CoreHttpClientTest::readAll))
                .isInstanceOfSatisfying(CoreHttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.coreUnavailable()).isTrue();
                    assertThat(e.getMessage()).contains("HTTP 502", "Failed fetching/saving from db",
                            "/proof_generation_data");
                });
    }

    @Test
    void anyContentTypeIsHandedToTheBodyReader_asReqwestDoesNotCheckIt() {
        server.answer(ex -> ScriptedCoreServer.respond(ex, 200, "text/html", "<html>maintenance</html>"));
        assertThat(client().fetchProofGenerationData(CoreHttpClientTest::readAll))
                .isEqualTo("<html>maintenance</html>");
    }

    @Test
    void announcedBodyOverTheLimitIsRejectedBeforeReading() {
        server.answer(ex -> ScriptedCoreServer.respond(ex, 200, "application/json", "x".repeat(2000)));
        assertThatThrownBy(() -> client(Duration.ofSeconds(5), 1000).fetchProofGenerationData(CoreHttpClientTest::readAll))
                .isInstanceOfSatisfying(CoreApiException.class, e -> assertThat(e.kind()).isEqualTo("too_large"));
    }

    @Test
    void chunkedBodyOverTheLimitIsCutOff() {
        server.answer(ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            for (int i = 0; i < 100; i++) {
                ex.getResponseBody().write("0123456789".repeat(10).getBytes(StandardCharsets.UTF_8));
            }
        });
        assertThatThrownBy(() -> client(Duration.ofSeconds(5), 5000).fetchProofGenerationData(CoreHttpClientTest::readAll))
                .isInstanceOfSatisfying(CoreApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo("too_large");
                    assertThat(e.getMessage()).contains("5000", "FRI_PROVER_GATEWAY_MAX_RESPONSE_BYTES");
                });
    }

    @Test
    void silentCoreTimesOut() {
        server.answer(ex -> Thread.sleep(5_000));
        assertThatThrownBy(() -> client(Duration.ofMillis(500), 1000).fetchProofGenerationData(CoreHttpClientTest::readAll))
                .isInstanceOfSatisfying(CoreApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo("timeout");
                    assertThat(e.coreUnavailable()).isTrue();
                });
    }

    @Test
    void slowButSteadyBodyIsNotATimeout() {
        server.answer(ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 6; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(250);
            }
            out.write("{\"Success\":null}".getBytes(StandardCharsets.UTF_8));
        });
        String body = client(Duration.ofMillis(700), 1000).fetchProofGenerationData(CoreHttpClientTest::readAll);
        assertThat(body.strip()).isEqualTo("{\"Success\":null}");
    }

    @Test
    void submitPostsToBatchPathAndReadsSuccess() {
        server.answer(ex -> ScriptedCoreServer.respond(ex, 200, "application/json", "\"Success\""));
        SubmitOutcome outcome = client().submitProof(42, "\"SkippedProofGeneration\"".getBytes(StandardCharsets.UTF_8));

        assertThat(outcome).isInstanceOf(SubmitOutcome.Acknowledged.class);
        assertThat(server.received().get(0).path()).isEqualTo("/submit_proof/42");
        assertThat(server.received().get(0).body()).isEqualTo("\"SkippedProofGeneration\"");
    }

    @Test
    void submitReadsErrorReplyAsRejection() {
        server.answer(ex -> ScriptedCoreServer.respond(ex, 200, "application/json", "{\"Error\":\"bad coords\"}"));
        assertThat(client().submitProof(7, new byte[] {'{', '}'}))
                .isEqualTo(new SubmitOutcome.Rejected("bad coords"));
    }

    @Test
    void submitTreatsAnythingElseAsBadReply() {
        for (String reply : new String[] {"\"Sucess\"", "{\"Error\":5}", "[]", "\"Success\" 1", "{\"Error\":\"a\",\"x\":1}"}) {
            server.answer(ex -> ScriptedCoreServer.respond(ex, 200, "application/json", reply));
            assertThatThrownBy(() -> client().submitProof(7, new byte[] {'{', '}'}))
                    .as(reply)
                    .isInstanceOfSatisfying(CoreApiException.class, e -> assertThat(e.kind()).isEqualTo("bad_reply"));
        }
    }

    @Test
    void refusedConnectionIsATransportFailure() {
        CoreHttpClient client = new CoreHttpClient(new ApiConfig("http://127.0.0.1:1", Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1000, Optional.empty(), Optional.empty()), false);
        assertThatThrownBy(() -> client.submitProof(1, new byte[] {'{', '}'}))
                .isInstanceOfSatisfying(CoreApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo("transport");
                    assertThat(e.coreUnavailable()).isTrue();
                });
    }

    @Test
    void abortInFlightEndsAHungExchange() throws Exception {
        server.answer(ex -> Thread.sleep(10_000));
        CoreHttpClient client = client(Duration.ofSeconds(30), 1000);
        CompletableFuture<Object> call = CompletableFuture.supplyAsync(
                () -> client.fetchProofGenerationData(CoreHttpClientTest::readAll));
        Thread.sleep(300);
        client.abortInFlight();
        assertThat(call).failsWithin(3, TimeUnit.SECONDS);
    }

    @Test
    void aReadersOwnIoFailureMidBodyIsPassedOnAsLocal_notAsATransportFailureOfTheCore() {
        server.answer(ex -> ScriptedCoreServer.respond(ex, 200, "application/json", "{\"Success\":null}"));

        assertThatThrownBy(() -> client().fetchProofGenerationData(body -> {
            body.read(new byte[4]);
            throw new java.io.IOException("No space left on device");
        })).isInstanceOf(java.io.UncheckedIOException.class).isNotInstanceOf(CoreApiException.class)
                .hasMessageContaining("No space left on device");
        assertThatThrownBy(() -> client().fetchProofGenerationData(body -> {
            body.read(new byte[4]);
            throw new java.io.UncheckedIOException(new java.io.IOException("disk broken"));
        })).isInstanceOf(java.io.UncheckedIOException.class).isNotInstanceOf(CoreApiException.class);
    }

    @Test
    void atAStopASilentExchangeIsCutWhileOneMovingBytesGoesOn() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        server.answer(ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("{\"Success\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (ex.getRequestURI().getPath().equals("/proof_generation_data")) {
                for (int i = 0; i < 200 && !release.isDone(); i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(25);
                }
            } else {
                release.get(10, TimeUnit.SECONDS);
            }
            out.write("null}".getBytes(StandardCharsets.UTF_8));
        });
        CoreHttpClient client = client();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<String> moving = CompletableFuture.supplyAsync(
                () -> client.fetchProofGenerationData(CoreHttpClientTest::readAll), threads);
        CompletableFuture<Object> silent = CompletableFuture.supplyAsync(
                () -> client.submitProof(3, new byte[] {'{', '}'}), threads);
        threads.shutdown();
        Thread.sleep(1500);

        client.refuseNewExchanges();
        assertThat(client.cutSilentExchanges(Duration.ofMillis(500))).isEqualTo(1);

        assertThatThrownBy(() -> silent.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CoreApiException.class);
        release.complete(null);
        assertThat(moving.get(5, TimeUnit.SECONDS)).startsWith("{\"Success\":").endsWith("null}");
        assertThatThrownBy(() -> client.fetchProofGenerationData(CoreHttpClientTest::readAll))
                .isInstanceOf(CoreApiException.class).hasMessageContaining("shutting down");
    }
}
