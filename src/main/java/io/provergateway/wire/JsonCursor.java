package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.math.BigInteger;

/**
 * A Jackson streaming parser with the serde_json value rules of spec §2.1 and error messages that name the JSON
 * path (derived from the parser's own context, so tracking it costs nothing).
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
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    final JsonParser parser;

    JsonCursor(InputStream in) throws IOException {
        this.parser = FACTORY.createParser(in);
    }

    /**
     * Classifies an exception thrown while parsing: Jackson's parse and constraint errors (and bad text encodings)
     * are malformed content; any other IOException is a transport failure and becomes {@link UncheckedIOException}.
     */
    static RuntimeException failure(IOException e, JsonCursor cursor) {
        if (e instanceof JsonProcessingException jpe) {
            String where = cursor == null ? "$" : cursor.path();
            JsonLocation loc = jpe.getLocation();
            String at = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
            return new MalformedPayloadException(where, "invalid JSON: " + jpe.getOriginalMessage() + at, e);
        }
        if (e instanceof CharConversionException) {
            return new MalformedPayloadException(cursor == null ? "$" : cursor.path(), "invalid JSON text: "
                    + e.getMessage(), e);
        }
        return new UncheckedIOException(e);
    }

    JsonToken next() throws IOException {
        return parser.nextToken();
    }

    JsonToken token() {
        return parser.currentToken();
    }

    /** The next field name of the current object, or null at its end. */
    String nextField() throws IOException {
        return parser.nextFieldName();
    }

    void skipValue() throws IOException {
        parser.nextToken();
        parser.skipChildren();
    }

    /** The JSON path of the current token, e.g. {@code $.Success.witness_input_data.merkle_paths[2]}. */
    String path() {
        JsonStreamContext ctx = parser.getParsingContext();
        JsonToken t = parser.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx.getParent() != null) {
            ctx = ctx.getParent();
        }
        StringBuilder out = new StringBuilder();
        append(ctx, out);
        return out.toString();
    }

    private static void append(JsonStreamContext ctx, StringBuilder out) {
        if (ctx.getParent() == null) {
            out.append('$');
            return;
        }
        append(ctx.getParent(), out);
        if (ctx.inObject() && ctx.getCurrentName() != null) {
            out.append('.').append(ctx.getCurrentName());
        } else if (ctx.inArray()) {
            out.append('[').append(ctx.getCurrentIndex()).append(']');
        }
    }

    MalformedPayloadException error(String problem) {
        return new MalformedPayloadException(path(), problem);
    }

    MalformedPayloadException unexpected(String expected) {
        JsonToken t = parser.currentToken();
        String got = t == null ? "end of input" : describe(t);
        return error("expected " + expected + ", got " + got);
    }

    private String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_OBJECT, END_ARRAY -> "the end of the " + (t == JsonToken.END_ARRAY ? "array" : "object");
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text();
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private String text() {
        try {
            return parser.getText();
        } catch (IOException e) {
            return "?";
        }
    }

    void expect(JsonToken expected, String what) {
        if (parser.currentToken() != expected) {
            throw unexpected(what);
        }
    }

    void expectNext(JsonToken expected, String what) throws IOException {
        parser.nextToken();
        expect(expected, what);
    }

    /** The current token as an integer within [min, max] (a serde integer type). */
    long integer(long min, long max, String type) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw unexpected(type);
        }
        JsonParser.NumberType nt = parser.getNumberType();
        if (nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG) {
            long value = parser.getLongValue();
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw error("expected " + type + ", got the out-of-range number " + parser.getText());
    }

    int u8() throws IOException {
        return (int) integer(0, 255, "u8 (0 to 255)");
    }

    long u32() throws IOException {
        return integer(0, 0xFFFF_FFFFL, "u32 (0 to 4294967295)");
    }

    int i32() throws IOException {
        return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE, "i32");
    }

    /** The current token as an unsigned u64, returned in a long. */
    long u64() throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            BigInteger value = parser.getBigIntegerValue();
            if (value.signum() >= 0 && value.compareTo(U64_MAX) <= 0) {
                return value.longValue();
            }
            throw error("expected u64, got the out-of-range number " + parser.getText());
        }
        return integer(0, Long.MAX_VALUE, "u64 (0 to 18446744073709551615)");
    }

    boolean bool() {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw unexpected("a boolean");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    String string(String what) throws IOException {
        expect(JsonToken.VALUE_STRING, what);
        return parser.getText();
    }

    /** Requires the end of input after the top-level value (serde_json rejects trailing characters). */
    void expectEndOfInput() throws IOException {
        if (parser.nextToken() != null) {
            throw error("trailing characters after the JSON value");
        }
    }
}
