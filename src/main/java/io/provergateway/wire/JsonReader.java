package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The one JSON reader of the codec: a pull tokenizer over UTF-8 bytes with serde_json's grammar (spec §2.1), the
 * JSON path of every token, an iterative skip of ignored values (serde's {@code ignore_value}: any depth, no UTF-8
 * check inside), and a fast path for arrays of small unsigned integers, the bulk of every witness payload. Tokens
 * are Jackson's {@link JsonToken} constants, so readers written against Jackson's vocabulary read the same.
 */
final class JsonReader extends JsonLexer {
    private static final byte ARRAY_FIRST = 0;
    private static final byte ARRAY_NEXT = 1;
    private static final byte OBJECT_FIRST = 2;
    private static final byte OBJECT_NEXT = 3;
    private static final byte OBJECT_VALUE = 4;
    /** Containers the typed readers open; a well-typed payload stays far below (ignored values do not count). */
    private static final int MAX_DEPTH = 1024;
    /** Nesting inside one ignored value (serde's ignore_value: bounded only by memory); 8 MiB of bits at most. */
    private static final int MAX_SKIP_DEPTH = 1 << 26;
    /** Stands for a value consumed by {@link #skipValue()}. */
    static final JsonToken SKIPPED = JsonToken.VALUE_EMBEDDED_OBJECT;

    private byte[] state = new byte[16];
    private String[] names = new String[16];
    private int[] index = new int[16];
    private int depth;
    private boolean rootSeen;
    private JsonToken current;
    private long[] skipFrames = new long[4];

    JsonReader(InputStream in) {
        super(in);
    }

    JsonToken current() {
        return current;
    }

    /** The field name of the current FIELD_NAME token (or of the value after it). */
    String name() {
        return names[depth];
    }

    /** The next token, or null after the top-level value at the end of input. */
    JsonToken next() throws IOException {
        int b = skipWhitespace();
        if (depth == 0) {
            if (rootSeen) {
                if (b < 0) {
                    return current = null;
                }
                throw syntax("trailing characters");
            }
            rootSeen = true;
            return current = value(b);
        }
        switch (state[depth]) {
            case ARRAY_FIRST -> {
                if (b == ']') {
                    return close(JsonToken.END_ARRAY);
                }
                state[depth] = ARRAY_NEXT;
                index[depth] = 0;
                return current = value(b);
            }
            case ARRAY_NEXT -> {
                if (b == ']') {
                    return close(JsonToken.END_ARRAY);
                }
                separator(b, "list", "`,` or `]`");
                index[depth]++;
                return current = value(skipWhitespace());
            }
            case OBJECT_FIRST -> {
                return b == '}' ? close(JsonToken.END_OBJECT) : fieldName(b);
            }
            case OBJECT_NEXT -> {
                if (b == '}') {
                    return close(JsonToken.END_OBJECT);
                }
                separator(b, "object", "`,` or `}`");
                return fieldName(skipWhitespace());
            }
            default -> {
                state[depth] = OBJECT_NEXT;
                return current = value(b);
            }
        }
    }

    private void separator(int b, String container, String expected) {
        if (b != ',') {
            throw syntax(b < 0 ? "EOF while parsing a " + container : "expected " + expected);
        }
        pos++;
    }

    private JsonToken value(int b) throws IOException {
        switch (b) {
            case '{' -> {
                pos++;
                push(OBJECT_FIRST);
                return JsonToken.START_OBJECT;
            }
            case '[' -> {
                pos++;
                push(ARRAY_FIRST);
                return JsonToken.START_ARRAY;
            }
            case '"' -> {
                pos++;
                string();
                return JsonToken.VALUE_STRING;
            }
            case 't' -> {
                pos++;
                literal("rue");
                return JsonToken.VALUE_TRUE;
            }
            case 'f' -> {
                pos++;
                literal("alse");
                return JsonToken.VALUE_FALSE;
            }
            case 'n' -> {
                pos++;
                literal("ull");
                return JsonToken.VALUE_NULL;
            }
            case -1 -> throw syntax("EOF while parsing a value");
            default -> {
                if (b == '-' || b >= '0' && b <= '9') {
                    number();
                    return numberKind == FLOAT ? JsonToken.VALUE_NUMBER_FLOAT : JsonToken.VALUE_NUMBER_INT;
                }
                throw syntax("expected value");
            }
        }
    }

    private JsonToken fieldName(int b) throws IOException {
        if (b != '"') {
            throw syntax(b < 0 ? "EOF while parsing an object" : "key must be a string");
        }
        pos++;
        string();
        names[depth] = text();
        int colon = skipWhitespace();
        if (colon != ':') {
            throw syntax(colon < 0 ? "EOF while parsing an object" : "expected `:`");
        }
        pos++;
        state[depth] = OBJECT_VALUE;
        return current = JsonToken.FIELD_NAME;
    }

    private void push(byte first) {
        if (depth + 1 == state.length) {
            if (state.length >= MAX_DEPTH) {
                throw syntax("recursion limit exceeded");
            }
            state = Arrays.copyOf(state, state.length * 2);
            names = Arrays.copyOf(names, names.length * 2);
            index = Arrays.copyOf(index, index.length * 2);
        }
        depth++;
        state[depth] = first;
        names[depth] = null;
        index[depth] = -1;
    }

    private JsonToken close(JsonToken end) {
        pos++;
        names[depth] = null;
        depth--;
        return current = end;
    }

    /** The JSON path of the current token, e.g. {@code $.Success.witness_input_data.merkle_paths[2]}. */
    String path() {
        int levels = current == JsonToken.START_OBJECT || current == JsonToken.START_ARRAY ? depth - 1 : depth;
        StringBuilder out = new StringBuilder("$");
        for (int i = 1; i <= levels; i++) {
            if (state[i] == ARRAY_FIRST || state[i] == ARRAY_NEXT) {
                out.append('[').append(Math.max(0, index[i])).append(']');
            } else if (names[i] != null) {
                out.append('.').append(names[i]);
            }
        }
        return out.toString();
    }

    @Override
    JsonSyntaxException syntax(String problem) {
        return new JsonSyntaxException(path(), "invalid JSON: " + problem + " (at byte " + offset() + ")");
    }

    /** Consumes the value after the current FIELD_NAME (or wherever a value is due) without producing tokens. */
    void skipValue() throws IOException {
        if (depth > 0 && state[depth] == OBJECT_VALUE) {
            state[depth] = OBJECT_NEXT;
        } else if (depth > 0 && state[depth] == ARRAY_FIRST) {
            state[depth] = ARRAY_NEXT;
            index[depth] = 0;
        } else if (depth == 0) {
            rootSeen = true;
        }
        ignoreValue();
        current = SKIPPED;
    }

    private void ignoreValue() throws IOException {
        int top = 0;
        while (true) {
            int b = skipWhitespace();
            boolean opened = false;
            switch (b) {
                case '"' -> {
                    pos++;
                    skipString();
                }
                case '[', '{' -> {
                    pos++;
                    top = pushFrame(top, b == '{');
                    opened = true;
                }
                default -> value(b);
            }
            if (opened) {
                int c = skipWhitespace();
                if (c == (isObject(top) ? '}' : ']')) {
                    pos++;
                    top--;
                } else {
                    if (isObject(top)) {
                        skipKey(c);
                    }
                    continue;
                }
            }
            while (true) {
                if (top == 0) {
                    return;
                }
                int c = skipWhitespace();
                boolean object = isObject(top);
                if (c == ',') {
                    pos++;
                    if (object) {
                        skipKey(skipWhitespace());
                    }
                    break;
                }
                if (c != (object ? '}' : ']')) {
                    throw syntax(c < 0 ? "EOF while parsing " + (object ? "an object" : "a list")
                            : "expected " + (object ? "`,` or `}`" : "`,` or `]`"));
                }
                pos++;
                top--;
            }
        }
    }

    private void skipKey(int b) throws IOException {
        if (b != '"') {
            throw syntax(b < 0 ? "EOF while parsing an object" : "key must be a string");
        }
        pos++;
        skipString();
        int colon = skipWhitespace();
        if (colon != ':') {
            throw syntax(colon < 0 ? "EOF while parsing an object" : "expected `:`");
        }
        pos++;
    }

    private int pushFrame(int top, boolean object) {
        int level = top + 1;
        if (level >= MAX_SKIP_DEPTH) {
            throw syntax("nesting deeper than " + MAX_SKIP_DEPTH + " levels");
        }
        if (level >> 6 >= skipFrames.length) {
            skipFrames = Arrays.copyOf(skipFrames, skipFrames.length * 2);
        }
        long bit = 1L << (level & 63);
        skipFrames[level >> 6] = object ? skipFrames[level >> 6] | bit : skipFrames[level >> 6] & ~bit;
        return level;
    }

    private boolean isObject(int level) {
        return (skipFrames[level >> 6] & 1L << (level & 63)) != 0;
    }

    /**
     * The fast path for a u8 array of exactly {@code size} elements whose START_ARRAY is current: when its text is
     * plain ({@link PlainU8Array}) and wholly in the buffer, stores it in {@code dst[0..size)}, consumes it through
     * its closing bracket (END_ARRAY current) and returns true. Otherwise changes nothing and returns false.
     */
    boolean plainU8Array(byte[] dst, int size) {
        if (current != JsonToken.START_ARRAY || state[depth] != ARRAY_FIRST || size > PlainU8Array.MAX_SIZE
                || size < 1 || limit - pos < PlainU8Array.LOOKAHEAD) {
            return false;
        }
        int end = PlainU8Array.parse(buf, pos, dst, 0, size);
        if (end < 0) {
            return false;
        }
        pos = end - 1;
        close(JsonToken.END_ARRAY);
        return true;
    }

    /**
     * The fast path for the next element of the open array when that element is a plain u8 array of exactly
     * {@code size} elements ({@code ,[1,2,3]}, no whitespace), wholly in the buffer: stores it in
     * {@code dst[0..size)} and leaves the reader as {@link #next()} does after the element's END_ARRAY (which is
     * current), then returns true. Otherwise changes nothing and returns false.
     */
    boolean plainU8Element(byte[] dst, int size) {
        int d = depth;
        if (d == 0 || d + 1 >= state.length || size > PlainU8Array.MAX_SIZE || size < 1) {
            return false;
        }
        byte s = state[d];
        int p = pos;
        if (s == ARRAY_NEXT) {
            if (p == limit || buf[p] != ',') {
                return false;
            }
            p++;
        } else if (s != ARRAY_FIRST) {
            return false;
        }
        if (limit - p <= PlainU8Array.LOOKAHEAD || buf[p] != '[') {
            return false;
        }
        int end = PlainU8Array.parse(buf, p + 1, dst, 0, size);
        if (end < 0) {
            return false;
        }
        pos = end;
        index[d] = s == ARRAY_FIRST ? 0 : index[d] + 1;
        state[d] = ARRAY_NEXT;
        current = JsonToken.END_ARRAY;
        return true;
    }

    /**
     * The fast path for an open array of u8 (current token START_ARRAY or an element of it): consumes elements
     * written plainly ({@code 0}, {@code 7}, {@code 255}, comma-separated, no whitespace) into {@code dst} from
     * index {@code n} while fewer than {@code size} are stored ({@code base} elements of the array came before
     * {@code dst[0]}). Returns the new count, or {@code -(count + 1)} when
     * it consumed the closing bracket. Anything else (whitespace, a bad or extra element, the buffer's end) is left
     * for the token path, which applies the general rules and names the element in its error.
     */
    int fastU8(byte[] dst, int n, int size, long base) throws IOException {
        int d = depth;
        boolean first = state[d] == ARRAY_FIRST;
        if (limit - pos < 64) {
            ensure(64);
        }
        byte[] b = buf;
        int p = pos;
        int end = limit - 6;
        int count = n;
        while (p < end) {
            int q = p;
            if (!first) {
                int sep = b[q];
                if (sep == ']') {
                    pos = q;
                    close(JsonToken.END_ARRAY);
                    return -(count + 1);
                }
                if (sep != ',') {
                    break;
                }
                q++;
            }
            int c0 = b[q] - '0';
            if (c0 < 0 || c0 > 9) {
                break;
            }
            int v;
            int c1 = b[q + 1] - '0';
            if (c1 < 0 || c1 > 9) {
                v = c0;
                q += 1;
            } else {
                int c2 = b[q + 2] - '0';
                if (c0 == 0) {
                    break;
                }
                if (c2 < 0 || c2 > 9) {
                    v = c0 * 10 + c1;
                    q += 2;
                } else {
                    int c3 = b[q + 3] - '0';
                    v = c0 * 100 + c1 * 10 + c2;
                    if (c3 >= 0 && c3 <= 9 || v > 255) {
                        break;
                    }
                    q += 3;
                }
            }
            int after = b[q];
            if (after != ',' && after != ']' || count == size) {
                break;
            }
            dst[count++] = (byte) v;
            first = false;
            p = q;
        }
        pos = p;
        finishFast(d, base + count, first);
        return count;
    }

    private void finishFast(int d, long consumed, boolean first) {
        if (!first) {
            state[d] = ARRAY_NEXT;
            index[d] = (int) (consumed - 1);
            current = JsonToken.VALUE_NUMBER_INT;
        }
    }
}
