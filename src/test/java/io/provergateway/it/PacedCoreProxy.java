package io.provergateway.it;

import com.sun.net.httpserver.HttpExchange;
import io.provergateway.testsupport.ScriptedCoreServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP proxy in front of the core simulator that can slow {@code /proof_generation_data} bodies down to about
 * 1 MB/s, so that a test can kill the gateway while a batch is half downloaded; {@link #midDownload()} says when.
 */
final class PacedCoreProxy implements AutoCloseable {
    private static final int CHUNK = 32 * 1024;
    private static final long PAUSE_MS = 30;

    private final ScriptedCoreServer server;
    private final String target;
    private final AtomicBoolean paced = new AtomicBoolean();
    private final AtomicInteger bodiesInFlight = new AtomicInteger();

    PacedCoreProxy(String target) throws IOException {
        this.target = target;
        this.server = new ScriptedCoreServer();
        server.answer(this::forward);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    void paced(boolean value) {
        paced.set(value);
    }

    /** True while a paced batch body is part-way through (over 128 KiB sent, not all). */
    boolean midDownload() {
        return bodiesInFlight.get() > 0;
    }

    private void forward(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] request = server.received().stream().filter(r -> r.path().equals(path))
                .reduce((first, second) -> second).orElseThrow().body().getBytes(StandardCharsets.UTF_8);
        HttpURLConnection upstream = (HttpURLConnection) URI.create(target + path).toURL().openConnection();
        upstream.setRequestMethod("POST");
        upstream.setDoOutput(true);
        upstream.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = upstream.getOutputStream()) {
            out.write(request);
        }
        int status = upstream.getResponseCode();
        InputStream body = status >= 400 ? upstream.getErrorStream() : upstream.getInputStream();
        String type = upstream.getContentType();
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        long length = upstream.getContentLengthLong();
        exchange.sendResponseHeaders(status, length <= 0 ? 0 : length);
        boolean slow = paced.get() && path.equals("/proof_generation_data");
        try (InputStream in = body; OutputStream out = exchange.getResponseBody()) {
            copy(in, out, slow);
        }
    }

    private void copy(InputStream in, OutputStream out, boolean slow) throws IOException {
        byte[] buffer = new byte[CHUNK];
        boolean counted = false;
        long total = 0;
        try {
            for (int n; in != null && (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                total += n;
                if (slow) {
                    out.flush();
                    if (!counted && total >= 4 * CHUNK) {
                        bodiesInFlight.incrementAndGet();
                        counted = true;
                    }
                    Thread.sleep(PAUSE_MS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            if (counted) {
                bodiesInFlight.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
