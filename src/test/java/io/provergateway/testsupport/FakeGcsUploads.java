package io.provergateway.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/** The object side of {@link FakeGcsServer}: the three upload types, resumable sessions, and {@code alt=media} reads. */
final class FakeGcsUploads {
    record StoredObject(byte[] data, long generation) {}

    private static final Pattern RANGE = Pattern.compile("bytes (\\*|(\\d+)-(\\d+))/(\\*|\\d+)");
    private static final Pattern READ_RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final FakeGcsServer server;
    private final Map<String, StoredObject> objects;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<Long> chunks = new CopyOnWriteArrayList<>();
    private final AtomicLong generations = new AtomicLong(1_700_000_000_000_000L);

    private static final class Session {
        final String bucket;
        final String name;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();

        Session(String bucket, String name) {
            this.bucket = bucket;
            this.name = name;
        }
    }

    FakeGcsUploads(FakeGcsServer server, Map<String, StoredObject> objects) {
        this.server = server;
        this.objects = objects;
    }

    List<Long> chunks() {
        return List.copyOf(chunks);
    }

    /** {@code /upload/storage/v1/b/{bucket}/o}. */
    void handle(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        String bucket = URLDecoder.decode(path.split("/")[5], StandardCharsets.UTF_8);
        String type = query.getOrDefault("uploadType", "");
        String method = exchange.getRequestMethod();
        if (method.equals("PUT") && query.containsKey("upload_id")) {
            chunk(exchange, query.get("upload_id"));
        } else if (method.equals("POST") && type.equals("media")) {
            finish(exchange, bucket, query.get("name"), exchange.getRequestBody().readAllBytes(), null);
        } else if (method.equals("POST") && type.equals("multipart")) {
            multipart(exchange, bucket, query);
        } else if (method.equals("POST") && type.equals("resumable")) {
            JsonNode metadata = FakeGcsServer.parse(exchange.getRequestBody().readAllBytes());
            String name = query.getOrDefault("name", metadata.path("name").asText(""));
            String id = UUID.randomUUID().toString();
            sessions.put(id, new Session(bucket, name));
            exchange.getResponseHeaders().set("Location", server.url() + "/upload/storage/v1/b/" + bucket
                    + "/o?uploadType=resumable&upload_id=" + id);
            FakeGcsServer.send(exchange, 200, "text/plain", new byte[0]);
        } else {
            FakeGcsServer.error(exchange, 400, "unsupported upload: " + method + " uploadType=" + type);
        }
    }

    private void multipart(HttpExchange exchange, String bucket, Map<String, String> query) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType == null ? "" : contentType);
        if (!contentType.startsWith("multipart/related") || !boundary.find()) {
            FakeGcsServer.error(exchange, 400, "multipart upload without multipart/related boundary");
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> parts = new java.util.ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            byte[] part = Arrays.copyOfRange(body, start + 2, next - 2); // drop CRLF after delimiter and before next
            int headEnd = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            parts.add(Arrays.copyOfRange(part, headEnd + 4, part.length));
            at = next;
        }
        if (parts.size() != 2) {
            FakeGcsServer.error(exchange, 400, "multipart upload needs metadata and media parts, got " + parts.size());
            return;
        }
        JsonNode metadata = FakeGcsServer.parse(parts.get(0));
        String name = query.getOrDefault("name", metadata.path("name").asText(""));
        finish(exchange, bucket, name, parts.get(1), metadata);
    }

    private void chunk(HttpExchange exchange, String id) throws IOException {
        Session session = sessions.get(id);
        if (session == null) {
            FakeGcsServer.error(exchange, 404, "No such upload session");
            return;
        }
        String header = exchange.getRequestHeaders().getFirst("Content-Range");
        Matcher range = RANGE.matcher(header == null ? "" : header);
        if (!range.matches()) {
            FakeGcsServer.error(exchange, 400, "bad Content-Range: " + header);
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        synchronized (session) {
            long committed = session.received.size();
            if (range.group(2) != null) {
                long first = Long.parseLong(range.group(2));
                long last = Long.parseLong(range.group(3));
                if (first > committed || last - first + 1 != body.length) {
                    FakeGcsServer.error(exchange, 400, "chunk " + header + " of " + body.length
                            + " bytes does not continue at " + committed);
                    return;
                }
                chunks.add((long) body.length);
                session.received.write(body, (int) (committed - first), (int) (body.length - (committed - first)));
            }
            long total = range.group(4).equals("*") ? -1 : Long.parseLong(range.group(4));
            if (total >= 0 && session.received.size() == total) {
                sessions.remove(id);
                finish(exchange, session.bucket, session.name, session.received.toByteArray(), null);
                return;
            }
            if (session.received.size() > 0) {
                exchange.getResponseHeaders().set("Range", "bytes=0-" + (session.received.size() - 1));
            }
            exchange.sendResponseHeaders(308, -1);
        }
    }

    private void finish(HttpExchange exchange, String bucket, String name, byte[] data, JsonNode metadata)
            throws IOException {
        if (name == null || name.isEmpty()) {
            FakeGcsServer.error(exchange, 400, "Required: object name");
            return;
        }
        if (metadata != null && metadata.hasNonNull("crc32c") && !metadata.get("crc32c").asText().equals(crc32c(data))) {
            FakeGcsServer.error(exchange, 400, "Provided CRC32C \"" + metadata.get("crc32c").asText()
                    + "\" doesn't match calculated CRC32C \"" + crc32c(data) + "\".");
            return;
        }
        if (metadata != null && metadata.hasNonNull("md5Hash") && !metadata.get("md5Hash").asText().equals(md5(data))) {
            FakeGcsServer.error(exchange, 400, "Provided MD5 hash doesn't match calculated MD5 hash.");
            return;
        }
        StoredObject stored = new StoredObject(data, generations.incrementAndGet());
        objects.put(bucket + "/" + name, stored);
        FakeGcsServer.sendJson(exchange, 200, metadata(bucket, name, stored));
    }

    /** {@code GET /storage/v1/b/{bucket}/o/{name}}: the bytes with {@code alt=media}, else the metadata. */
    void download(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        String[] segments = path.split("/", 7);
        String bucket = URLDecoder.decode(segments[4], StandardCharsets.UTF_8);
        String name = URLDecoder.decode(segments[6], StandardCharsets.UTF_8);
        StoredObject stored = objects.get(bucket + "/" + name);
        if (stored == null) {
            FakeGcsServer.error(exchange, 404, "No such object: " + bucket + "/" + name);
            return;
        }
        if (!"media".equals(query.get("alt"))) {
            FakeGcsServer.sendJson(exchange, 200, metadata(bucket, name, stored));
            return;
        }
        byte[] data = stored.data();
        long first = 0;
        long last = data.length - 1L;
        String rangeHeader = exchange.getRequestHeaders().getFirst("Range");
        Matcher range = READ_RANGE.matcher(rangeHeader == null ? "" : rangeHeader);
        boolean partial = range.matches() && data.length > 0;
        if (partial) {
            first = Long.parseLong(range.group(1));
            last = range.group(2).isEmpty() ? last : Math.min(last, Long.parseLong(range.group(2)));
            if (first >= data.length) {
                FakeGcsServer.error(exchange, 416, "Request range not satisfiable");
                return;
            }
            exchange.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + last + "/" + data.length);
        }
        var headers = exchange.getResponseHeaders();
        headers.set("x-goog-generation", Long.toString(stored.generation()));
        headers.set("x-goog-metageneration", "1");
        headers.set("x-goog-stored-content-length", Integer.toString(data.length));
        headers.set("x-goog-stored-content-encoding", "identity");
        headers.set("x-goog-hash", "crc32c=" + crc32c(data) + ",md5=" + md5(data));
        headers.set("Content-Type", "application/octet-stream");
        int length = (int) (last - first + 1);
        exchange.sendResponseHeaders(partial ? 206 : 200, length == 0 ? -1 : length);
        if (length > 0) {
            exchange.getResponseBody().write(data, (int) first, length);
        }
    }

    private static Map<String, Object> metadata(String bucket, String name, StoredObject stored) {
        Map<String, Object> m = new LinkedHashMap<>();
        String now = Instant.now().toString();
        m.put("kind", "storage#object");
        m.put("id", bucket + "/" + name + "/" + stored.generation());
        m.put("name", name);
        m.put("bucket", bucket);
        m.put("generation", Long.toString(stored.generation()));
        m.put("metageneration", "1");
        m.put("contentType", "application/octet-stream");
        m.put("storageClass", "STANDARD");
        m.put("size", Integer.toString(stored.data().length));
        m.put("md5Hash", md5(stored.data()));
        m.put("crc32c", crc32c(stored.data()));
        m.put("etag", "CJ" + stored.generation());
        m.put("timeCreated", now);
        m.put("updated", now);
        return m;
    }

    static String crc32c(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static String md5(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
