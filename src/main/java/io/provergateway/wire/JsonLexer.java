package io.provergateway.wire;

import java.io.IOException;
import java.io.InputStream;

/**
 * The scalar rules of serde_json (spec §2.1), byte by byte: strings (escapes, paired surrogates, strict UTF-8 for
 * strings that are read; only escapes and control characters for strings that are skipped, as serde's
 * {@code ignore_str}), numbers ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}; {@code -0} and anything
 * with a fraction, an exponent or beyond the 64-bit range are floats, as serde's parser classifies them) and the
 * three literals.
 */
abstract class JsonLexer extends JsonInput {
    /** A number that fits u64 (bits in {@link #numberBits}). */
    static final int U64 = 0;
    /** A negative integer within i64. */
    static final int I64 = 1;
    /** An integer outside both ranges (serde: a float). */
    static final int BIG = 2;
    /** A fraction, an exponent or {@code -0}. */
    static final int FLOAT = 3;

    private static final int MAX_TEXT = 1 << 20;
    /** (2^64 - 1) / 10; the remainder is 5. */
    private static final long U64_MAX_TENTH = 1844674407370955161L;
    private static final int MAX_NUMBER_TEXT = 100;

    char[] text = new char[256];
    int textLength;
    int numberKind;
    long numberBits;
    private final StringBuilder numberText = new StringBuilder();

    JsonLexer(InputStream in) {
        super(in);
    }

    /** A syntax error at the current position (the subclass adds the JSON path). */
    abstract JsonSyntaxException syntax(String problem);

    /** Reads a string whose opening quote was consumed into {@link #text}, validated as serde's parse_str. */
    final void string() throws IOException {
        textLength = 0;
        while (true) {
            int p = pos;
            int end = limit;
            byte[] b = buf;
            char[] t = text;
            int n = textLength;
            int room = t.length - n;
            int stop = Math.min(end, p + room);
            while (p < stop) {
                byte c = b[p];
                if (c < 0x20 || c == '"' || c == '\\') {
                    break;
                }
                t[n++] = (char) c;
                p++;
            }
            textLength = n;
            pos = p;
            if (p < end) {
                if (n == t.length) {
                    grow();
                    continue;
                }
                byte c = b[p];
                pos++;
                if (c == '"') {
                    return;
                }
                if (c == '\\') {
                    escape();
                } else if (c < 0) {
                    utf8(c & 0xFF);
                } else {
                    throw syntax("control character (\\u0000-\\u001F) found while parsing a string");
                }
            } else if (!ensure(1)) {
                throw syntax("EOF while parsing a string");
            }
        }
    }

    /** The current string as a {@code String}. */
    final String text() {
        return new String(text, 0, textLength);
    }

    private void append(char c) {
        if (textLength == text.length) {
            grow();
        }
        text[textLength++] = c;
    }

    private void grow() {
        if (text.length >= MAX_TEXT) {
            throw syntax("string longer than " + MAX_TEXT + " characters");
        }
        text = java.util.Arrays.copyOf(text, Math.min(MAX_TEXT, text.length * 2));
    }

    private void escape() throws IOException {
        int c = read();
        switch (c) {
            case '"' -> append('"');
            case '\\' -> append('\\');
            case '/' -> append('/');
            case 'b' -> append('\b');
            case 'f' -> append('\f');
            case 'n' -> append('\n');
            case 'r' -> append('\r');
            case 't' -> append('\t');
            case 'u' -> unicodeEscape();
            case -1 -> throw syntax("EOF while parsing a string");
            default -> throw syntax("invalid escape");
        }
    }

    private void unicodeEscape() throws IOException {
        int n = hex4();
        if (n >= 0xDC00 && n <= 0xDFFF) {
            throw syntax("lone leading surrogate in hex escape");
        }
        if (n < 0xD800 || n > 0xDBFF) {
            append((char) n);
            return;
        }
        if (read() != '\\' || read() != 'u') {
            throw syntax("unexpected end of hex escape");
        }
        int low = hex4();
        if (low < 0xDC00 || low > 0xDFFF) {
            throw syntax("lone leading surrogate in hex escape");
        }
        append((char) n);
        append((char) low);
    }

    private int hex4() throws IOException {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int c = read();
            if (c < 0) {
                throw syntax("EOF while parsing a string");
            }
            int d = Character.digit(c, 16);
            if (d < 0 || c > 'f') {
                throw syntax("invalid escape");
            }
            value = value << 4 | d;
        }
        return value;
    }

    /** A multi-byte UTF-8 sequence whose lead byte was consumed; Rust's {@code str::from_utf8} rules. */
    private void utf8(int lead) throws IOException {
        int code;
        int more;
        int min2 = 0x80;
        int max2 = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            code = lead & 0x1F;
            more = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            code = lead & 0x0F;
            more = 2;
            min2 = lead == 0xE0 ? 0xA0 : 0x80;
            max2 = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            code = lead & 0x07;
            more = 3;
            min2 = lead == 0xF0 ? 0x90 : 0x80;
            max2 = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw syntax("invalid unicode code point");
        }
        for (int i = 0; i < more; i++) {
            int c = read();
            if (c < (i == 0 ? min2 : 0x80) || c > (i == 0 ? max2 : 0xBF)) {
                throw syntax(c < 0 ? "EOF while parsing a string" : "invalid unicode code point");
            }
            code = code << 6 | (c & 0x3F);
        }
        if (code >= 0x10000) {
            append(Character.highSurrogate(code));
            append(Character.lowSurrogate(code));
        } else {
            append((char) code);
        }
    }

    /** Skips a string whose opening quote was consumed, as serde's ignore_str (no UTF-8 check). */
    final void skipString() throws IOException {
        while (true) {
            int p = pos;
            int end = limit;
            byte[] b = buf;
            while (p < end) {
                byte c = b[p];
                if (c >= 0x20 && c != '"' && c != '\\' || c < 0) {
                    p++;
                    continue;
                }
                break;
            }
            pos = p;
            if (p == end) {
                if (!ensure(1)) {
                    throw syntax("EOF while parsing a string");
                }
                continue;
            }
            byte c = b[p];
            pos++;
            if (c == '"') {
                return;
            }
            if (c != '\\') {
                throw syntax("control character (\\u0000-\\u001F) found while parsing a string");
            }
            int e = read();
            if (e == 'u') {
                hex4();
            } else if (e < 0) {
                throw syntax("EOF while parsing a string");
            } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                throw syntax("invalid escape");
            }
        }
    }

    /** Reads a number starting at the current byte ('-' or a digit); sets {@link #numberKind} and its value. */
    final void number() throws IOException {
        numberText.setLength(0);
        boolean negative = peek() == '-';
        if (negative) {
            take();
        }
        int first = peek();
        if (first < '0' || first > '9') {
            throw syntax("invalid number");
        }
        take();
        long magnitude = first - '0';
        boolean overflow = false;
        if (first == '0') {
            int next = peek();
            if (next >= '0' && next <= '9') {
                throw syntax("invalid number");
            }
        } else {
            for (int c = peek(); c >= '0' && c <= '9'; c = peek()) {
                take();
                int d = c - '0';
                if (!overflow && (Long.compareUnsigned(magnitude, U64_MAX_TENTH) > 0
                        || magnitude == U64_MAX_TENTH && d > 5)) {
                    overflow = true;
                }
                magnitude = magnitude * 10 + d;
            }
        }
        boolean fraction = false;
        int c = peek();
        if (c == '.') {
            take();
            digits();
            fraction = true;
            c = peek();
        }
        if (c == 'e' || c == 'E') {
            take();
            c = peek();
            if (c == '+' || c == '-') {
                take();
            }
            digits();
            fraction = true;
        }
        classify(negative, magnitude, overflow, fraction);
    }

    private void classify(boolean negative, long magnitude, boolean overflow, boolean fraction) {
        if (fraction || negative && magnitude == 0 && !overflow) {
            numberKind = FLOAT;
        } else if (overflow) {
            numberKind = BIG;
        } else if (!negative) {
            numberKind = U64;
            numberBits = magnitude;
        } else if (Long.compareUnsigned(magnitude, Long.MIN_VALUE) <= 0) {
            numberKind = I64;
            numberBits = -magnitude;
        } else {
            numberKind = BIG;
        }
    }

    private void digits() throws IOException {
        int c = peek();
        if (c < '0' || c > '9') {
            throw syntax("invalid number");
        }
        while (c >= '0' && c <= '9') {
            take();
            c = peek();
        }
    }

    private void take() throws IOException {
        int c = read();
        if (numberText.length() < MAX_NUMBER_TEXT) {
            numberText.append((char) c);
        } else if (numberText.length() == MAX_NUMBER_TEXT) {
            numberText.append('…');
        }
    }

    /** The text of the last number (its first 100 characters). */
    final String numberText() {
        return numberText.toString();
    }

    /** The rest of a literal whose first byte was consumed. */
    final void literal(String rest) throws IOException {
        for (int i = 0; i < rest.length(); i++) {
            int c = read();
            if (c != rest.charAt(i)) {
                throw syntax(c < 0 ? "EOF while parsing a value" : "expected ident");
            }
        }
    }
}
