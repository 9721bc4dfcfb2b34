package io.provergateway.faults;

import com.sun.net.httpserver.HttpExchange;
import io.provergateway.testsupport.ScriptedCoreServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A core whose {@code /proof_generation_data} answers are queued by the test, one per request; when the queue is
 * empty it answers {@code {"Success":null}} (nothing to prove). Submissions are acknowledged.
 */
final class ScriptedProofDataCore implements AutoCloseable {
    private static final byte[] NO_BATCH = "{\"Success\":null}".getBytes(StandardCharsets.UTF_8);

    private final ScriptedCoreServer server;
    private final Queue<ScriptedCoreServer.Handler> answers = new ConcurrentLinkedQueue<>();

    ScriptedProofDataCore() throws IOException {
        server = new ScriptedCoreServer();
        server.answer(this::serve);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** The next request to {@code /proof_generation_data} is answered by {@code answer}. */
    void enqueue(ScriptedCoreServer.Handler answer) {
        answers.add(answer);
    }

    /** The queued answers not yet served. */
    int pending() {
        return answers.size();
    }

    private void serve(HttpExchange exchange) throws Exception {
        if (!exchange.getRequestURI().getPath().equals("/proof_generation_data")) {
            reply(exchange, 200, "application/json", "\"Success\"".getBytes(StandardCharsets.UTF_8));
            return;
        }
        ScriptedCoreServer.Handler answer = answers.poll();
        if (answer == null) {
            reply(exchange, 200, "application/json", NO_BATCH);
        } else {
            answer.handle(exchange);
        }
    }

    /** Answers with a fixed-length body. */
    static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.close();
    }
}
