package io.provergateway.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small, faithful stand-in for the GCS JSON API on 127.0.0.1 (no emulator is obtainable here), for the real
 * {@code google-cloud-storage} client pointed at it with {@code STORAGE_EMULATOR_HOST}: media, multipart and
 * resumable uploads ({@code Content-Range}, 308 with {@code Range}), {@code alt=media} reads with {@code Range} (on
 * {@code /storage/v1} and on {@code /download/storage/v1}, which the Java client uses),
 * object metadata with md5/crc32c, JSON error bodies, injected faults, plus the OAuth token endpoint ({@code /token},
 * JWT-bearer) and the metadata server ({@link FakeGcsAuth}). Objects live in memory.
 */
public final class FakeGcsServer implements AutoCloseable {
    /**
     * Faults answered instead of the next storage requests. {@code STALL} reads the request and never answers;
     * {@code STALL_UPLOAD} stops reading the request body (the client's socket write blocks once the buffers fill).
     */
    public enum Fault { JSON_503, PLAIN_503, JSON_429, JSON_408, JSON_403, STALL, STALL_UPLOAD }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-gcs");
        t.setDaemon(true);
        return t;
    });
    private final FakeGcsAuth auth = new FakeGcsAuth();
    private final Map<String, FakeGcsUploads.StoredObject> objects = new ConcurrentHashMap<>();
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final AtomicInteger faultsHit = new AtomicInteger();
    private final AtomicInteger passBeforeFaults = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final FakeGcsUploads uploads;

    private FakeGcsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        uploads = new FakeGcsUploads(this, objects);
    }

    public static FakeGcsServer start() {
        try {
            FakeGcsServer fake = new FakeGcsServer();
            fake.server.start();
            fake.auth.tokenUri(fake.url() + "/token");
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}: the value for {@code STORAGE_EMULATOR_HOST}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:port}: the value for {@code GCE_METADATA_HOST}. */
    public String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeGcsAuth auth() {
        return auth;
    }

    public void failNext(Fault fault, int count) {
        for (int i = 0; i < count; i++) {
            faults.add(fault);
        }
    }

    /** Lets the next {@code requests} storage requests through before the queued faults start. */
    public void passFirst(int requests) {
        passBeforeFaults.set(requests);
    }

    public int faultsHit() {
        return faultsHit.get();
    }

    public int tokensIssued() {
        return auth.tokensIssued();
    }

    /** {@code METHOD path?query} of every storage request, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public Optional<byte[]> object(String bucket, String name) {
        return Optional.ofNullable(objects.get(bucket + "/" + name)).map(FakeGcsUploads.StoredObject::data);
    }

    /** Sizes of the resumable-upload chunks received, in order. */
    public List<Long> resumableChunks() {
        return uploads.chunks();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/token")) {
                token(exchange);
            } else if (path.startsWith("/computeMetadata/")) {
                metadata(exchange);
            } else if (path.startsWith("/upload/storage/v1/b/") || path.startsWith("/storage/v1/b/")
                    || path.startsWith("/download/storage/v1/b/")) {
                storage(exchange, path);
            } else {
                error(exchange, 404, "Not Found: " + path);
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "fake server failure: " + e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Optional<String> token = auth.exchange(form);
        if (token.isEmpty()) {
            send(exchange, 400, "application/json",
                    "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        tokenReply(exchange, token.get());
    }

    private void metadata(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Metadata-Flavor", "Google");
        if (!"Google".equals(exchange.getRequestHeaders().getFirst("Metadata-Flavor"))) {
            send(exchange, 403, "text/plain", "Missing Metadata-Flavor header".getBytes(StandardCharsets.UTF_8));
        } else if (exchange.getRequestURI().getPath().equals(
                "/computeMetadata/v1/instance/service-accounts/default/token")) {
            tokenReply(exchange, auth.issue());
        } else {
            send(exchange, 200, "text/plain", new byte[0]);
        }
    }

    private void tokenReply(HttpExchange exchange, String token) throws IOException {
        sendJson(exchange, 200, Map.of("access_token", token, "expires_in", 3600, "token_type", "Bearer"));
    }

    private void storage(HttpExchange exchange, String path) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + path + "?" + exchange.getRequestURI().getRawQuery());
        Fault fault = passBeforeFaults.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? null : faults.poll();
        if (fault != null) {
            faultsHit.incrementAndGet();
            inject(exchange, fault);
            return;
        }
        if (!auth.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            error(exchange, 401, "Anonymous caller does not have storage.objects access.");
            return;
        }
        Map<String, String> query = query(exchange);
        if (path.startsWith("/upload/")) {
            uploads.handle(exchange, path, query);
        } else if (exchange.getRequestMethod().equals("GET")) {
            uploads.download(exchange, path.startsWith("/download/") ? path.substring(9) : path, query);
        } else {
            error(exchange, 405, "method not supported by the fake");
        }
    }

    private void inject(HttpExchange exchange, Fault fault) throws IOException {
        if (fault != Fault.STALL_UPLOAD) {
            exchange.getRequestBody().readAllBytes();
        }
        switch (fault) {
            case JSON_503 -> error(exchange, 503, "Backend Error (injected)");
            case JSON_429 -> error(exchange, 429, "The rate of change requests exceeds the rate limit (injected)");
            case JSON_408 -> error(exchange, 408, "Request timed out (injected)");
            case JSON_403 -> error(exchange, 403, "Access denied (injected)");
            case PLAIN_503 -> send(exchange, 503, "text/html", "<html>Service Unavailable</html>"
                    .getBytes(StandardCharsets.UTF_8));
            case STALL, STALL_UPLOAD -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                query.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    /** A GCS JSON error body: {@code {"error":{"code":…,"message":…,"errors":[…]}}}. */
    static void error(HttpExchange exchange, int code, String message) throws IOException {
        Map<String, Object> error = Map.of("code", code, "message", message, "errors",
                List.of(Map.of("domain", "global", "reason", reason(code), "message", message)));
        sendJson(exchange, code, Map.of("error", error));
    }

    private static String reason(int code) {
        return switch (code) {
            case 401 -> "required";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 429 -> "rateLimitExceeded";
            default -> code >= 500 ? "backendError" : "invalid";
        };
    }

    static void sendJson(HttpExchange exchange, int code, Object body) throws IOException {
        send(exchange, code, "application/json; charset=UTF-8", JSON.writeValueAsBytes(body));
    }

    static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    static JsonNode parse(byte[] json) throws IOException {
        return json.length == 0 ? JSON.createObjectNode() : JSON.readTree(json);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
