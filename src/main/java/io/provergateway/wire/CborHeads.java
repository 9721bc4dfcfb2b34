package io.provergateway.wire;

import java.nio.charset.StandardCharsets;

/**
 * CBOR items in ciborium's form (push-mode spec §4.1): definite lengths and the shortest head for every integer and
 * length.
 */
final class CborHeads {
    static final int UNSIGNED = 0;
    static final int NEGATIVE = 1;
    static final int BYTES = 2;
    static final int TEXT = 3;
    static final int ARRAY = 4;
    static final int MAP = 5;
    static final int FALSE = 0xf4;
    static final int TRUE = 0xf5;
    static final int NULL = 0xf6;

    private CborHeads() {}

    /** A head of major type {@code major} with argument {@code value}, read as an unsigned 64-bit number. */
    static void head(ByteSink out, int major, long value) {
        int m = major << 5;
        if (Long.compareUnsigned(value, 24) < 0) {
            out.u8(m | (int) value);
        } else if (Long.compareUnsigned(value, 0x100) < 0) {
            out.u8(m | 24);
            out.u8((int) value);
        } else if (Long.compareUnsigned(value, 0x1_0000) < 0) {
            out.u8(m | 25);
            out.u8((int) (value >>> 8));
            out.u8((int) value);
        } else if (Long.compareUnsigned(value, 0x1_0000_0000L) < 0) {
            out.u8(m | 26);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.u8((int) (value >>> shift));
            }
        } else {
            out.u8(m | 27);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.u8((int) (value >>> shift));
            }
        }
    }

    /** An unsigned integer (u8 … u64; a negative long is read as unsigned). */
    static void unsigned(ByteSink out, long value) {
        head(out, UNSIGNED, value);
    }

    /** A signed integer: major type 0 when non-negative, 1 otherwise. */
    static void signed(ByteSink out, long value) {
        if (value >= 0) {
            head(out, UNSIGNED, value);
        } else {
            head(out, NEGATIVE, -1 - value);
        }
    }

    /** A byte in 0..255 as an unsigned integer (one byte below 24, two otherwise). */
    static void u8(ByteSink out, int value) {
        if (value < 24) {
            out.u8(value);
        } else {
            out.u8(0x18);
            out.u8(value);
        }
    }

    /** {@code len} bytes of {@code src} as uints, encoded through {@code scratch} (at least {@code 2 * len}). */
    static void u8s(ByteSink out, byte[] src, int len, byte[] scratch) {
        int n = 0;
        for (int i = 0; i < len; i++) {
            int v = src[i] & 0xFF;
            if (v >= 24) {
                scratch[n++] = 0x18;
            }
            scratch[n++] = (byte) v;
        }
        out.bytes(scratch, 0, n);
    }

    static void bool(ByteSink out, boolean value) {
        out.u8(value ? TRUE : FALSE);
    }

    /** Text of ASCII bytes {@code text[0..len)}. */
    static void ascii(ByteSink out, byte[] text, int len) {
        head(out, TEXT, len);
        out.bytes(text, 0, len);
    }

    /** The encoded form of a short text string (under 256 bytes), for keys written many times. */
    static byte[] encodedText(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length >= 256) {
            throw new IllegalArgumentException("key too long: " + text);
        }
        int headLength = utf8.length < 24 ? 1 : 2;
        byte[] out = new byte[headLength + utf8.length];
        if (headLength == 1) {
            out[0] = (byte) ((TEXT << 5) | utf8.length);
        } else {
            out[0] = (byte) ((TEXT << 5) | 24);
            out[1] = (byte) utf8.length;
        }
        System.arraycopy(utf8, 0, out, headLength, utf8.length);
        return out;
    }
}
