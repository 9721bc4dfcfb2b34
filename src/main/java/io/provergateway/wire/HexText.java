package io.provergateway.wire;

/**
 * Validates {@code impl-serde} hex text held in a char array and renders its canonical serde form as ASCII bytes
 * (what Rust re-serializes into bincode): lowercase, "0x" prefix, and for quantities no leading zeros.
 */
final class HexText {
    /** Longest canonical output: "0x" + 64 digits. */
    static final int MAX_BYTES = 66;

    private final byte[] out = new byte[MAX_BYTES];
    private int length;

    /** The canonical text of the last successful parse, in {@code bytes()[0..length())}. */
    byte[] bytes() {
        return out;
    }

    int length() {
        return length;
    }

    String text() {
        return new String(out, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Fixed-size hash (H256: 32 bytes, H160: 20): optional "0x", exactly {@code 2 * bytes} digits. */
    String fixed(char[] chars, int offset, int len, int bytes) {
        int start = skipPrefix(chars, offset, len);
        int digits = offset + len - start;
        if (digits != 2 * bytes) {
            return "expected " + (2 * bytes) + " hex digits, got " + digits;
        }
        return copyDigits(chars, start, digits);
    }

    /** Quantity (U256): optional "0x", 1 to 64 digits; leading zeros dropped, zero is "0x0". */
    String quantity(char[] chars, int offset, int len) {
        int start = skipPrefix(chars, offset, len);
        int end = offset + len;
        int digits = end - start;
        if (digits < 1 || digits > 64) {
            return "expected 1 to 64 hex digits, got " + digits;
        }
        while (start < end - 1 && chars[start] == '0') {
            start++;
        }
        return copyDigits(chars, start, end - start);
    }

    private static int skipPrefix(char[] chars, int offset, int len) {
        return len >= 2 && chars[offset] == '0' && chars[offset + 1] == 'x' ? offset + 2 : offset;
    }

    /** Writes "0x" + the lowercased digits; returns a problem description, or null when the digits are valid. */
    private String copyDigits(char[] chars, int start, int count) {
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < count; i++) {
            char c = chars[start + i];
            if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
                out[2 + i] = (byte) c;
            } else if (c >= 'A' && c <= 'F') {
                out[2 + i] = (byte) (c | 0x20);
            } else {
                return "invalid hex character '" + c + "'";
            }
        }
        length = 2 + count;
        return null;
    }
}
