package io.provergateway.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.provergateway.config.PushServerConfig;
import io.provergateway.metrics.GatewayMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ProverCluster profile's transport: an HTTP/1.1 server with upstream's two routes (push-mode spec §2.2). Any
 * other path is 404 and any other method on them 405 (as axum's defaults); bodies are never buffered whole.
 * {@link #close()} stops accepting and lets requests in flight finish within the grace period. A body read that
 * stays blocked longer than the silence limit (no bytes at all; a slow but steady body is never cut) is aborted by a
 * watchdog closing the exchange, which unblocks the read: nothing is stored, the route counts a 408. Request headers
 * not read whole within the same limit are cut too ({@link HeaderWatch}).
 */
public final class PushServer implements AutoCloseable {
    /** A poll body is {@code {"l1_batch_id":{…}}}; anything this large is not one. */
    static final long MAX_POLL_BYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(PushServer.class);
    private static final int THREADS = 16;
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";

    private record Reply(int status, String contentType, byte[] body) {
        static Reply json(byte[] body) {
            return new Reply(200, JSON, body);
        }

        static Reply text(int status, String text) {
            return new Reply(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final PushServerConfig config;
    private final SubmitRoute submit;
    private final PollRoute poll;
    private final GatewayMetrics metrics;
    private final Duration grace;
    private final Duration silenceLimit;
    private final Map<CountingBody, HttpExchange> reading = new ConcurrentHashMap<>();
    private final HeaderWatch headers = new HeaderWatch();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;
    private int port;
    private HttpServer server;
    private ExecutorService executor;
    private ScheduledExecutorService watchdog;

    PushServer(PushServerConfig config, SubmitRoute submit, PollRoute poll, GatewayMetrics metrics, Duration grace,
            Duration silenceLimit) {
        this.silenceLimit = silenceLimit;
        this.config = config;
        this.submit = submit;
        this.poll = poll;
        this.metrics = metrics;
        this.grace = grace;
    }

    /** Binds {@code host:port} and starts serving; a bind failure is an {@link UncheckedIOException}. */
    synchronized PushServer start() {
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the ProverCluster server to " + config.host() + ":"
                    + config.port() + " (FRI_PROVER_GATEWAY_PORT / prover_gateway.port): " + e.getMessage(), e);
        }
        AtomicInteger counter = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "push-server-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(headers.around(executor));
        server.createContext("/", this::handle);
        server.start();
        startWatchdog();
        port = server.getAddress().getPort();
        LOG.info("push server started address={} max_request_bytes={} silence_limit_s={}", server.getAddress(),
                config.maxRequestBytes(), silenceLimit.toSeconds());
        return this;
    }

    private void startWatchdog() {
        watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "push-server-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.max(10, Math.min(1000, silenceLimit.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::cutSilentBodies, tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * Closes the exchange of every body whose read has been blocked for longer than the silence limit, and the
     * connection of every client whose request headers have not been read whole within it.
     */
    private void cutSilentBodies() {
        int stalled = headers.cutStalled(silenceLimit);
        if (stalled > 0) {
            LOG.warn("push_request_headers_silent connections={} error=\"request headers incomplete after {} s\";"
                    + " connection closed", stalled, silenceLimit.toSeconds());
        }
        long now = System.nanoTime();
        reading.forEach((body, exchange) -> {
            long since = body.blockedSince();
            if (since != 0 && now - since > silenceLimit.toNanos()) {
                body.markSilenced();
                reading.remove(body);
                exchange.close(); // before the response headers this closes the connection, failing the read
            }
        });
    }

    /** The bound port (useful with port 0). */
    public synchronized int port() {
        return port;
    }

    private void handle(HttpExchange exchange) {
        if (!headers.headersRead()) {
            exchange.close();
            return;
        }
        inFlight.incrementAndGet();
        try {
            if (closing) {
                exchange.getResponseHeaders().set("Connection", "close");
                send(exchange, Reply.text(503, "the gateway is shutting down; try again"));
                return;
            }
            serve(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void serve(HttpExchange exchange) {
        long started = System.nanoTime();
        String path = exchange.getRequestURI().getRawPath();
        String route = SubmitRoute.PATH.equals(path) || PollRoute.PATH.equals(path) ? path.substring(1) : "other";
        long limit = PollRoute.PATH.equals(path) ? MAX_POLL_BYTES : config.maxRequestBytes();
        CountingBody body = new CountingBody(exchange.getRequestBody(), limit);
        Reply reply;
        reading.put(body, exchange);
        try {
            reply = dispatch(exchange, path, body);
        } catch (RequestRejected rejected) {
            reply = body.silenced() ? silent(route, body) : Reply.text(rejected.status(), rejected.getMessage());
        } catch (RuntimeException e) {
            if (body.silenced()) {
                reply = silent(route, body);
            } else {
                LOG.error("push_request_failed route={} error={}", route, e.toString());
                reply = Reply.text(500, "internal error: " + e.getMessage());
            }
        } finally {
            reading.remove(body);
        }
        long sent = send(exchange, reply);
        metrics.serverRequest(route, reply.status(), body.count(), sent, Duration.ofNanos(System.nanoTime() - started));
    }

    private Reply silent(String route, CountingBody body) {
        RequestRejected rejected = RequestRejected.silent(silenceLimit);
        LOG.warn("push_request_silent route={} body_bytes={} error={}; connection closed, nothing stored", route,
                body.count(), rejected.getMessage());
        return Reply.text(rejected.status(), rejected.getMessage());
    }

    private Reply dispatch(HttpExchange exchange, String path, CountingBody body) {
        if (!SubmitRoute.PATH.equals(path) && !PollRoute.PATH.equals(path)) {
            return new Reply(404, null, new byte[0]);
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            return new Reply(405, null, new byte[0]);
        }
        JsonRequests.requireJsonContentType(exchange.getRequestHeaders());
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.trim().matches("[0-9]{1,19}") && Long.parseLong(length.trim()) > body.limit()) {
            throw RequestRejected.tooLarge(body.limit());
        }
        if (SubmitRoute.PATH.equals(path)) {
            submit.accept(body);
            return Reply.json("null".getBytes(StandardCharsets.US_ASCII));
        }
        return Reply.json(poll.answer(BatchId.parsePollRequest(readAll(body))));
    }

    private static byte[] readAll(CountingBody body) {
        try {
            return body.readAllBytes();
        } catch (IOException e) {
            if (body.exceeded()) {
                throw RequestRejected.tooLarge(body.limit());
            }
            throw new UncheckedIOException("reading the request body", e);
        }
    }

    /** Sends the reply and closes the exchange; returns the body bytes written (0 if the client went away). */
    private static long send(HttpExchange exchange, Reply reply) {
        try (exchange) {
            if (reply.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            byte[] bytes = reply.body();
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            return bytes.length;
        } catch (IOException e) {
            LOG.debug("push reply not delivered status={} error={}", reply.status(), e.toString());
            return 0;
        }
    }

    /**
     * Lets requests in flight finish within the grace period (new ones get 503 meanwhile), then closes the listener
     * and every connection. (JDK 17's {@code HttpServer.stop(delay)} would wait the whole delay when nothing is in
     * flight, so the wait is ours.)
     */
    @Override
    public void close() {
        HttpServer running;
        synchronized (this) {
            running = server;
            server = null;
        }
        if (running == null) {
            return;
        }
        closing = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warn("push server stopping with {} request(s) still in flight after {} s", inFlight.get(),
                    grace.toSeconds());
        }
        running.stop(0);
        watchdog.shutdownNow();
        executor.shutdownNow();
        LOG.info("push server stopped");
    }
}
