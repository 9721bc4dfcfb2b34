package io.provergateway.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Streams one CBOR item as the compact JSON serde_json writes for the same serde value, item by item (no tree, no
 * whole-blob buffer). Faithful for what ciborium writes for {@code WitnessInputData} (push-mode spec §4.1, §4.3): maps
 * with text keys in stored order → objects, arrays → arrays, byte strings → arrays of numbers (serde_json's
 * {@code serialize_bytes}), unsigned and negative integers of any size, text (escaped as serde_json does), bools,
 * {@code null}; tags are skipped and indefinite lengths are read, as ciborium reads them. Floats, non-text map keys
 * and other simple values are refused with {@link MalformedPayloadException} naming the byte offset.
 */
public final class CborJsonStreamer {
    private static final int MAX_DEPTH = 256;
    private static final int BREAK = 0xff;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final OutputStream out;
    private long offset;

    private CborJsonStreamer(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** Writes the first CBOR item of {@code cbor} as JSON to {@code json} (trailing bytes ignored, as ciborium). */
    public static void writeJson(InputStream cbor, OutputStream json) throws IOException {
        CborJsonStreamer streamer = new CborJsonStreamer(cbor, json);
        streamer.item(streamer.next(), 0);
    }

    private static int read(InputStream in, long offset) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("CBOR ends early at byte " + offset);
        }
        return b;
    }

    private int next() throws IOException {
        int b = read(in, offset);
        offset++;
        return b;
    }

    private MalformedPayloadException bad(String problem) {
        return new MalformedPayloadException("byte " + offset, problem);
    }

    /** A container or string length: the head's argument, or -1 for indefinite length. */
    private long length(int initial) throws IOException {
        if ((initial & 0x1f) == 31) {
            return -1;
        }
        long length = argument(initial);
        if (length < 0) {
            throw bad("length " + Long.toUnsignedString(length) + " is too large");
        }
        return length;
    }

    /** The argument of a head whose initial byte is {@code initial}, unsigned 64 bits. */
    private long argument(int initial) throws IOException {
        int info = initial & 0x1f;
        if (info < 24) {
            return info;
        }
        if (info > 27) {
            throw bad("reserved additional information " + info);
        }
        int bytes = 1 << (info - 24);
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | next();
        }
        return value;
    }

    private void item(int initial, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw bad("nesting deeper than " + MAX_DEPTH);
        }
        int major = initial >>> 5;
        switch (major) {
            case 0 -> write(Long.toUnsignedString(argument(initial)));
            case 1 -> write(BigInteger.ONE.negate().subtract(unsigned(argument(initial))).toString());
            case 2 -> byteString(initial);
            case 3 -> textString(initial);
            case 4 -> array(length(initial), depth);
            case 5 -> map(length(initial), depth);
            case 6 -> {
                argument(initial);
                item(next(), depth + 1);
            }
            default -> simple(initial);
        }
    }

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    private void simple(int initial) throws IOException {
        switch (initial) {
            case 0xf4 -> write("false");
            case 0xf5 -> write("true");
            case 0xf6, 0xf7 -> write("null");
            default -> throw bad("unsupported CBOR simple value or float 0x" + Integer.toHexString(initial));
        }
    }

    private void array(long length, int depth) throws IOException {
        out.write('[');
        for (long i = 0; length < 0 || i < length; i++) {
            int initial = next();
            if (length < 0 && initial == BREAK) {
                break;
            }
            if (i > 0) {
                out.write(',');
            }
            item(initial, depth + 1);
        }
        out.write(']');
    }

    private void map(long length, int depth) throws IOException {
        out.write('{');
        for (long i = 0; length < 0 || i < length; i++) {
            int initial = next();
            if (length < 0 && initial == BREAK) {
                break;
            }
            if (i > 0) {
                out.write(',');
            }
            if (initial >>> 5 != 3) {
                throw bad("map key of major type " + (initial >>> 5) + "; JSON needs text keys");
            }
            textString(initial);
            out.write(':');
            item(next(), depth + 1);
        }
        out.write('}');
    }

    /** serde_json's {@code serialize_bytes}: an array of the byte values. Indefinite length: chunks concatenated. */
    private void byteString(int initial) throws IOException {
        out.write('[');
        boolean first = true;
        for (Chunk chunk = new Chunk(initial, 2); chunk.hasNext(); ) {
            for (long i = chunk.length(); i > 0; i--) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                write(Integer.toString(next()));
            }
        }
        out.write(']');
    }

    /** The UTF-8 bytes copied, escaping {@code "}, {@code \} and controls as serde_json's {@code format_escaped_str}. */
    private void textString(int initial) throws IOException {
        out.write('"');
        for (Chunk chunk = new Chunk(initial, 3); chunk.hasNext(); ) {
            for (long i = chunk.length(); i > 0; i--) {
                escaped(next());
            }
        }
        out.write('"');
    }

    private void escaped(int b) throws IOException {
        switch (b) {
            case '"' -> write("\\\"");
            case '\\' -> write("\\\\");
            case '\b' -> write("\\b");
            case '\f' -> write("\\f");
            case '\n' -> write("\\n");
            case '\r' -> write("\\r");
            case '\t' -> write("\\t");
            default -> {
                if (b < 0x20) {
                    write("\\u00");
                    out.write(HEX[b >>> 4]);
                    out.write(HEX[b & 0xf]);
                } else {
                    out.write(b);
                }
            }
        }
    }

    private void write(String ascii) throws IOException {
        out.write(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** The definite chunks of a byte or text string: the string itself, or the chunks of an indefinite one. */
    private final class Chunk {
        private final int major;
        private final boolean indefinite;
        private long length;
        private boolean done;

        Chunk(int initial, int major) throws IOException {
            this.major = major;
            this.length = CborJsonStreamer.this.length(initial);
            this.indefinite = length < 0;
        }

        boolean hasNext() throws IOException {
            if (!indefinite) {
                boolean more = !done;
                done = true;
                return more;
            }
            int initial = next();
            if (initial == BREAK) {
                return false;
            }
            if (initial >>> 5 != major || (initial & 0x1f) == 31) {
                throw bad("bad chunk 0x" + Integer.toHexString(initial) + " in an indefinite-length string");
            }
            length = CborJsonStreamer.this.length(initial);
            return true;
        }

        long length() {
            return length;
        }
    }
}
