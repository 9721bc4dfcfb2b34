package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The typed view of the codec's one JSON reader ({@link JsonReader}): serde's value rules of spec §2.1 for each Rust
 * type, and error messages that name the JSON path. {@link #FACTORY} is only for writing JSON.
 */
final class JsonCursor {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxNumberLength(100)
                    .maxStringLength(4 << 20)
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    final JsonReader reader;

    JsonCursor(InputStream in) throws IOException {
        this.reader = new JsonReader(in);
    }

    /**
     * Classifies an exception thrown while parsing: content problems are already {@link MalformedPayloadException};
     * an IOException is a failure of the stream itself (a transport failure) and becomes
     * {@link UncheckedIOException}.
     */
    static RuntimeException failure(IOException e, JsonCursor cursor) {
        return new UncheckedIOException(e);
    }

    JsonToken next() throws IOException {
        return reader.next();
    }

    JsonToken token() {
        return reader.current();
    }

    /** The next field name of the current object, or null at its end. */
    String nextField() throws IOException {
        return reader.next() == JsonToken.FIELD_NAME ? reader.name() : null;
    }

    /** Skips the value of the current field, whatever it is (serde's IgnoredAny). */
    void skipValue() throws IOException {
        reader.skipValue();
    }

    /** The JSON path of the current token, e.g. {@code $.Success.witness_input_data.merkle_paths[2]}. */
    String path() {
        return reader.path();
    }

    MalformedPayloadException error(String problem) {
        return new MalformedPayloadException(path(), problem);
    }

    MalformedPayloadException unexpected(String expected) {
        JsonToken t = reader.current();
        String got = t == null ? "end of input" : describe(t);
        return error("expected " + expected + ", got " + got);
    }

    private String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_OBJECT, END_ARRAY -> "the end of the " + (t == JsonToken.END_ARRAY ? "array" : "object");
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + reader.numberText();
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    void expect(JsonToken expected, String what) {
        if (reader.current() != expected) {
            throw unexpected(what);
        }
    }

    void expectNext(JsonToken expected, String what) throws IOException {
        reader.next();
        expect(expected, what);
    }

    /** The current token as an integer within [min, max] (a serde integer type; min and max within i64). */
    long integer(long min, long max, String type) {
        if (reader.current() != JsonToken.VALUE_NUMBER_INT) {
            throw unexpected(type);
        }
        int kind = reader.numberKind;
        long value = reader.numberBits;
        if ((kind == JsonLexer.I64 || kind == JsonLexer.U64 && value >= 0) && value >= min && value <= max) {
            return value;
        }
        throw error("expected " + type + ", got the out-of-range number " + reader.numberText());
    }

    int u8() {
        return (int) integer(0, 255, "u8 (0 to 255)");
    }

    long u32() {
        return integer(0, 0xFFFF_FFFFL, "u32 (0 to 4294967295)");
    }

    int i32() {
        return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE, "i32");
    }

    /** The current token as an unsigned u64, returned in a long. */
    long u64() {
        if (reader.current() == JsonToken.VALUE_NUMBER_INT && reader.numberKind == JsonLexer.BIG) {
            throw error("expected u64, got the out-of-range number " + reader.numberText());
        }
        if (reader.current() == JsonToken.VALUE_NUMBER_INT && reader.numberKind == JsonLexer.U64) {
            return reader.numberBits;
        }
        return integer(0, Long.MAX_VALUE, "u64 (0 to 18446744073709551615)");
    }

    boolean bool() {
        JsonToken t = reader.current();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw unexpected("a boolean");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    String string(String what) {
        expect(JsonToken.VALUE_STRING, what);
        return reader.text();
    }

    /** The text of the current number token (its first 100 characters). */
    String numberText() {
        return reader.numberText();
    }

    /** The value of the current integer token, whatever its size. */
    java.math.BigInteger bigInteger() {
        return switch (reader.numberKind) {
            case JsonLexer.U64 -> new java.math.BigInteger(Long.toUnsignedString(reader.numberBits));
            case JsonLexer.I64 -> java.math.BigInteger.valueOf(reader.numberBits);
            default -> new java.math.BigInteger(reader.numberText().replace("…", ""));
        };
    }

    /** The text of the current string token. */
    String text() {
        return reader.text();
    }

    /** The characters of the current string token, in {@code textChars()[0..textLength())}. */
    char[] textChars() {
        return reader.text;
    }

    int textLength() {
        return reader.textLength;
    }

    /**
     * Exactly {@code size} u8 numbers in the array at the current token (START_ARRAY) into {@code dst[0..size)};
     * the END_ARRAY is current afterwards. Plain elements take the reader's fast path; any other goes through the
     * token path, with the same rules and messages.
     */
    void u8Array(byte[] dst, int size) throws IOException {
        if (reader.current() != JsonToken.START_ARRAY) {
            throw unexpected("an array of " + size + " bytes");
        }
        if (reader.plainU8Array(dst, size)) {
            return;
        }
        int n = 0;
        while (true) {
            int fast = reader.fastU8(dst, n, size, 0);
            if (fast < 0) {
                n = -fast - 1;
                break;
            }
            n = fast;
            JsonToken t = reader.next();
            if (t == JsonToken.END_ARRAY) {
                break;
            }
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw unexpected("u8 (0 to 255)");
            }
            if (reader.numberKind != JsonLexer.U64 || reader.numberBits > 255) {
                throw error("expected u8 (0 to 255), got " + reader.numberText());
            }
            if (n == size) {
                throw error("expected " + size + " bytes, got more");
            }
            dst[n++] = (byte) reader.numberBits;
        }
        if (n != size) {
            throw error("expected " + size + " bytes, got " + n);
        }
    }

    /**
     * A {@code Vec<u8>} of any length in the array at the current token (START_ARRAY), streamed to {@code out} through
     * {@code chunk}; returns its length. Same element rules and messages as {@link #u8Array}.
     */
    long u8Vec(byte[] chunk, ByteSink out) throws IOException {
        if (reader.current() != JsonToken.START_ARRAY) {
            throw unexpected("an array of bytes");
        }
        long total = 0;
        int n = 0;
        while (true) {
            int fast = reader.fastU8(chunk, n, chunk.length, total);
            if (fast < 0) {
                n = -fast - 1;
                break;
            }
            n = fast;
            if (n == chunk.length) {
                out.bytes(chunk, 0, n);
                total += n;
                n = 0;
                continue;
            }
            JsonToken t = reader.next();
            if (t == JsonToken.END_ARRAY) {
                break;
            }
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw unexpected("u8 (0 to 255)");
            }
            if (reader.numberKind != JsonLexer.U64 || reader.numberBits > 255) {
                throw error("expected u8 (0 to 255), got " + reader.numberText());
            }
            chunk[n++] = (byte) reader.numberBits;
        }
        out.bytes(chunk, 0, n);
        return total + n;
    }

    /** Requires the end of input after the top-level value (serde_json rejects trailing characters). */
    void expectEndOfInput() throws IOException {
        if (reader.next() != null) {
            throw error("trailing characters after the JSON value");
        }
    }
}
