package io.provergateway.bench;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A core with nothing to hand out ({@code {"Success":null}}) that acknowledges every proof ({@code "Success"}) and
 * remembers when each {@code POST /submit_proof/{n}} arrived.
 */
final class LatencyCore implements AutoCloseable {
    private static final byte[] NOTHING = "{\"Success\":null}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ACK = "\"Success\"".getBytes(StandardCharsets.UTF_8);
    private static final String SUBMIT = "/submit_proof/";

    private final LoopbackServer server;
    private final Map<Long, Long> submittedAtNanos = new ConcurrentHashMap<>();

    LatencyCore() {
        server = new LoopbackServer(this::serve);
    }

    String url() {
        return server.url();
    }

    /** When the submission of {@code batch} arrived ({@link System#nanoTime}), or null. */
    Long submittedAtNanos(long batch) {
        return submittedAtNanos.get(batch);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            long arrived = System.nanoTime();
            exchange.getRequestBody().readAllBytes();
            byte[] reply = NOTHING;
            if (path.startsWith(SUBMIT)) {
                submittedAtNanos.putIfAbsent(Long.parseLong(path.substring(SUBMIT.length())), arrived);
                reply = ACK;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
