package io.provergateway.faults;

import com.github.luben.zstd.ZstdOutputStream;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.testsupport.ScriptedCoreServer.Handler;
import io.provergateway.wire.ProofGenerationDataJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Named;

/**
 * Broken or hostile answers to {@code /proof_generation_data}, each made from the valid payload of a batch: what a
 * proxy, a half-dead core or an attacker on the path could send.
 */
final class HostileReplies {
    static final String JSON = "application/json";

    private final WitnessDataGenerator generator;
    private final long maxResponseBytes;

    HostileReplies(WitnessDataGenerator generator, long maxResponseBytes) {
        this.generator = generator;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** The valid {@code {"Success":{...}}} body for batch {@code n}. */
    byte[] valid(long n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProofGenerationDataJson.writeResponse(Optional.of(generator.generate(n)), out);
        return out.toByteArray();
    }

    Handler validAnswer(long n) {
        byte[] body = valid(n);
        return exchange -> ScriptedProofDataCore.reply(exchange, 200, JSON, body);
    }

    /** Every case, named; each maps a batch number to the answer to serve instead of that batch. */
    Stream<Named<LongFunction<Handler>>> all() {
        return Stream.of(
                named("plain-text 502", n -> fixed(502, "text/plain", ascii("Failed fetching/saving from db"))),
                named("HTML page with 200", n -> fixed(200, "text/html",
                        ascii("<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"))),
                named("garbage JSON", n -> fixed(200, JSON, ascii("{\"Success\":{\"l1_batch_number\":" + n + ",,]"))),
                named("valid body truncated to half", n -> {
                    byte[] body = valid(n);
                    return fixed(200, JSON, Arrays.copyOf(body, body.length / 2));
                }),
                named("connection cut after half the announced body", this::cutMidBody),
                named("invalid UTF-8 inside a string", n -> fixed(200, JSON, invalidUtf8(valid(n)))),
                named("10,000 nested arrays left open in an unknown field", n -> fixed(200, JSON, replaceFirst(valid(n),
                        "\\{\"Success\":\\{", "{\"Success\":{\"extra\":" + "[".repeat(10_000) + "]".repeat(9_999) + ","))),
                named("u32 batch number 2^32", n -> fixed(200, JSON, replaceAll(valid(n),
                        "\"l1_batch_number\":" + n + ",", "\"l1_batch_number\":4294967296,"))),
                named("root_hash of 31 bytes", n -> fixed(200, JSON, replaceFirst(valid(n),
                        "\"root_hash\":\\[\\d+,", "\"root_hash\":["))),
                named("unknown protocol version 0.99.0", n -> fixed(200, JSON, replaceAll(valid(n),
                        "\"protocol_version\":\"0.28.0\"", "\"protocol_version\":\"0.99.0\""))),
                named("body over the limit, announced", n -> fixed(200, JSON, oversized(n))),
                named("body over the limit, chunked", n -> chunked(oversized(n))),
                named("zstd body that inflates over the limit", n -> encoded("zstd", zstd(oversized(n)))),
                named("body zstd-labelled but not zstd", n -> encoded("zstd", valid(n))),
                named("gzip body the gateway never asked for", n -> encoded("gzip", gzip(valid(n)))),
                named("silence longer than the request timeout", n -> exchange -> Thread.sleep(3_000)));
    }

    private static Named<LongFunction<Handler>> named(String name, LongFunction<Handler> answer) {
        return Named.of(name, answer);
    }

    private static Handler fixed(int status, String contentType, byte[] body) {
        return exchange -> ScriptedProofDataCore.reply(exchange, status, contentType, body);
    }

    private static Handler chunked(byte[] body) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", JSON);
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(body);
        };
    }

    private static Handler encoded(String encoding, byte[] body) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", encoding);
            ScriptedProofDataCore.reply(exchange, 200, JSON, body);
        };
    }

    private static byte[] zstd(byte[] plain) {
        return compress(plain, ZstdOutputStream::new);
    }

    private static byte[] gzip(byte[] plain) {
        return compress(plain, GZIPOutputStream::new);
    }

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] plain, Compressor compressor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream compressed = compressor.wrap(out)) {
            compressed.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Announces the whole valid body, sends half of it, then drops the connection. */
    private Handler cutMidBody(long n) {
        byte[] body = valid(n);
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", JSON);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body, 0, body.length / 2);
            exchange.getResponseBody().flush();
            throw new IllegalStateException("drop the connection mid-body");
        };
    }

    /** The valid body padded with JSON whitespace to twice the gateway's response limit. */
    private byte[] oversized(long n) {
        byte[] body = valid(n);
        byte[] padded = Arrays.copyOf(body, (int) (2 * maxResponseBytes));
        Arrays.fill(padded, body.length, padded.length, (byte) ' ');
        return padded;
    }

    /** Puts a lone continuation byte and a truncated two-byte sequence into the vk hash string. */
    private static byte[] invalidUtf8(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String marker = "\"recursion_scheduler_level_vk_hash\":\"0x";
        int at = text.indexOf(marker) + marker.length() + 1;
        return (text.substring(0, at) + "\u0080\u00c3(" + text.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] replaceAll(byte[] body, String literal, String replacement) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (!text.contains(literal)) {
            throw new IllegalArgumentException("payload has no " + literal);
        }
        return text.replace(literal, replacement).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] replaceFirst(byte[] body, String regex, String replacement) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException("payload has no match for " + regex);
        }
        return matcher.replaceFirst(Matcher.quoteReplacement(replacement)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
