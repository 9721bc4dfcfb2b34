package io.provergateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.provergateway.testsupport.ChainIdSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body that goes silent is cut after the silence limit; one that trickles steadily is not. */
class PushSilenceTest {
    private static final String SUBMIT = "/submit_request_for_proofs";
    private static final Duration LIMIT = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void bodyThatGoesSilent_isCut_storesNothing_andTheServerStillAnswers() throws Exception {
        try (PushGateway gateway = PushGateway.start(dir, 64L << 20, LIMIT)) {
            byte[] body = PushSubmitTest.body(21, 1).getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
                socket.setSoTimeout(10_000); // far beyond the limit: a timeout here means the server never cut it
                OutputStream out = socket.getOutputStream();
                out.write(headers(gateway.port(), body.length));
                out.write(body, 0, body.length / 2);
                out.flush();

                assertThat(readToEnd(socket.getInputStream())).doesNotContain("200 OK");
            }

            assertThat(gateway.blobs("witness_inputs")).isEmpty();
            assertThat(ChainIdSchema.single(gateway.db(), "SELECT count(*) FROM witness_inputs_fri")).contains("0");
            assertThat(tempFiles()).isEmpty();
            assertThat(gateway.metrics())
                    .contains("prover_gateway_server_requests_total{route=\"submit_request_for_proofs\",status=\"408\"}");
            assertThat(gateway.postJson(SUBMIT, PushSubmitTest.body(21, 1)).body()).isEqualTo("null");
            assertThat(gateway.blobs("witness_inputs")).containsExactly("witness_inputs_21_270.cbor");
        }
    }

    @Test
    void bodyTrickledSteadilyForLongerThanTheLimit_isAccepted() throws Exception {
        try (PushGateway gateway = PushGateway.start(dir, 64L << 20, LIMIT)) {
            byte[] body = PushSubmitTest.body(22, 1).getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(headers(gateway.port(), body.length));
                int pieces = 12; // one piece every 250 ms: 3 s in all, three times the limit
                int size = body.length / pieces + 1;
                for (int offset = 0; offset < body.length; offset += size) {
                    out.write(body, offset, Math.min(size, body.length - offset));
                    out.flush();
                    Thread.sleep(250);
                }

                assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("null");
            }
            assertThat(gateway.blobs("witness_inputs")).containsExactly("witness_inputs_22_270.cbor");
        }
    }

    @Test
    void clientsThatStopHalfwayThroughTheirHeaders_areCut_andTheWorkersServeOthers() throws Exception {
        try (PushGateway gateway = PushGateway.start(dir, 64L << 20, LIMIT)) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) { // more than the server's 16 workers
                    Socket socket = new Socket("127.0.0.1", gateway.port());
                    socket.setSoTimeout(10_000);
                    socket.getOutputStream().write(("POST " + SUBMIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    stalled.add(socket);
                }
                for (Socket socket : stalled) {
                    assertThat(readToEnd(socket.getInputStream())).as("closed without an answer").isEmpty();
                }
                String answer = assertTimeoutPreemptively(Duration.ofSeconds(15),
                        () -> gateway.postJson(SUBMIT, PushSubmitTest.body(23, 1)).body());
                assertThat(answer).isEqualTo("null");
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
            assertThat(gateway.blobs("witness_inputs")).containsExactly("witness_inputs_23_270.cbor");
        }
    }

    private static byte[] headers(int port, int contentLength) {
        return ("POST " + SUBMIT + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Everything the server sends until it closes the connection (a reset counts as closed). */
    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // closed by the server
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static String readResponse(InputStream in) throws IOException {
        return readToEnd(in).trim();
    }

    private Stream<Path> tempFiles() throws IOException {
        Path push = dir.resolve("spool").resolve("push");
        return Files.isDirectory(push) ? Files.list(push).toList().stream() : Stream.empty();
    }
}
