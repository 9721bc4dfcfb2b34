package io.provergateway.bench;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the core's proof data handler: hands out the queued bodies one per {@code POST
 * /proof_generation_data}, then {@code {"Success":null}}. A body is served from memory or from a file (with its
 * batch number rewritten in its head), zstd-compressed when asked and a compressed copy exists. Counts the bytes it
 * put on the wire and remembers when the last body was requested.
 */
final class BenchCore implements AutoCloseable {
    /** One batch to hand out: {@code identity} bytes, and optionally the same as zstd. */
    interface Body {
        void write(OutputStream out, boolean zstd) throws IOException;

        long length(boolean zstd);

        boolean hasZstd();
    }

    private static final byte[] NOTHING = "{\"Success\":null}".getBytes(StandardCharsets.UTF_8);

    private final LoopbackServer server;
    private final ConcurrentLinkedQueue<Body> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong wireBytes = new AtomicLong();
    private volatile long lastHandedOutNanos;
    private volatile long firstHandedOutNanos;
    private volatile boolean sawZstdRequest;

    BenchCore() {
        server = new LoopbackServer(this::serve);
    }

    String url() {
        return server.url();
    }

    void offer(Body body) {
        queue.add(body);
    }

    long wireBytes() {
        return wireBytes.get();
    }

    void resetWireBytes() {
        wireBytes.set(0);
    }

    long lastHandedOutNanos() {
        return lastHandedOutNanos;
    }

    long firstHandedOutNanos() {
        return firstHandedOutNanos;
    }

    /** Makes the next hand-out the first one again. */
    void resetFirstHandedOut() {
        firstHandedOutNanos = 0;
    }

    boolean sawZstdRequest() {
        return sawZstdRequest;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            boolean wantsZstd = accept != null && accept.contains("zstd");
            sawZstdRequest |= wantsZstd;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            Body body = queue.poll();
            if (body == null) {
                exchange.sendResponseHeaders(200, NOTHING.length);
                exchange.getResponseBody().write(NOTHING);
                return;
            }
            lastHandedOutNanos = System.nanoTime();
            if (firstHandedOutNanos == 0) {
                firstHandedOutNanos = lastHandedOutNanos;
            }
            boolean zstd = wantsZstd && body.hasZstd();
            if (zstd) {
                exchange.getResponseHeaders().set("Content-Encoding", "zstd");
            }
            long length = body.length(zstd);
            exchange.sendResponseHeaders(200, length);
            try (OutputStream out = exchange.getResponseBody()) {
                body.write(out, zstd);
            }
            wireBytes.addAndGet(length);
        }
    }

    /** A small body held in memory. */
    static Body inMemory(byte[] json) {
        return new Body() {
            @Override
            public void write(OutputStream out, boolean zstd) throws IOException {
                out.write(json);
            }

            @Override
            public long length(boolean zstd) {
                return json.length;
            }

            @Override
            public boolean hasZstd() {
                return false;
            }
        };
    }

    /** A file body: {@code head} (already renumbered) replaces the file's first bytes; then the rest of the file. */
    static Body file(Path json, byte[] head, Path zstdFile) {
        return new Body() {
            @Override
            public void write(OutputStream out, boolean zstd) throws IOException {
                if (zstd) {
                    Files.copy(zstdFile, out);
                    return;
                }
                out.write(head);
                try (InputStream in = Files.newInputStream(json)) {
                    in.skipNBytes(head.length);
                    in.transferTo(out);
                }
            }

            @Override
            public long length(boolean zstd) {
                return CodecBench.size(zstd ? zstdFile : json);
            }

            @Override
            public boolean hasZstd() {
                return zstdFile != null;
            }
        };
    }

    @Override
    public void close() {
        server.close();
    }
}
