package io.provergateway.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.provergateway.config.MetricsConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus pull listener. Like upstream's vise exporter it answers every path with the metrics, except
 * {@code /health} (liveness: always 200 {@code {"status":"ok"}} while the process can answer) and {@code /ready}
 * (readiness: 200 {@code {"status":"ready","warnings":[…]}}, or 503
 * {@code {"status":"not_ready","reasons":[…],"warnings":[…]}} from the {@link Readiness.Check}).
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 2;

    private final MetricsConfig config;
    private final Supplier<String> exposition;
    private final Readiness.Check readiness;
    private HttpServer server;
    private ExecutorService executor;

    public MetricsServer(MetricsConfig config, PrometheusGatewayMetrics metrics, Readiness.Check readiness) {
        this(config, metrics::scrape, readiness);
    }

    /** A server whose {@code /ready} is always ready, with {@code health}'s reason (if any) as a warning. */
    public MetricsServer(MetricsConfig config, PrometheusGatewayMetrics metrics, HealthCheck health) {
        this(config, metrics::scrape, warningsOnly(health));
    }

    /** @param exposition produces the text-format body for a scrape */
    public MetricsServer(MetricsConfig config, Supplier<String> exposition, Readiness.Check readiness) {
        this.config = config;
        this.exposition = exposition;
        this.readiness = readiness;
    }

    private static Readiness.Check warningsOnly(HealthCheck health) {
        return () -> new Readiness(List.of(), health.unhealthyReason().stream().toList());
    }

    /** Binds and starts serving; returns the bound address (useful with port 0). */
    public synchronized InetSocketAddress start() {
        if (server != null) {
            throw new IllegalStateException("metrics server already started");
        }
        String where = config.host() + ":" + config.port();
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        if (address.isUnresolved()) {
            throw new MetricsServerException("cannot bind metrics listener to " + where + ": unknown host", null);
        }
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException | RuntimeException e) {
            throw new MetricsServerException("cannot bind metrics listener to " + where + ": " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("metrics listener started address={}", server.getAddress());
        return server.getAddress();
    }

    /** The bound port, once started. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("metrics server not started");
        }
        return server.getAddress().getPort();
    }

    /** Stops accepting and drops in-flight exchanges; returns promptly (well under 1 s). */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        LOG.info("metrics listener stopped");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            int status = 200;
            String contentType = PrometheusTextFormat.CONTENT_TYPE;
            String body;
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/health")) {
                contentType = "application/json";
                body = "{\"status\":\"ok\"}";
            } else if (path.equals("/ready")) {
                Readiness answer = readiness.check();
                status = answer.ready() ? 200 : 503;
                contentType = "application/json";
                body = readyBody(answer);
            } else {
                body = exposition.get();
            }
            respond(exchange, status, contentType, body);
        } catch (RuntimeException e) {
            LOG.warn("metrics request failed path={} error={}", exchange.getRequestURI().getPath(), e.toString());
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String readyBody(Readiness answer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", answer.ready() ? "ready" : "not_ready");
        if (!answer.ready()) {
            body.put("reasons", answer.reasons());
        }
        body.put("warnings", answer.warnings());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode readiness body", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "metrics-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
