package io.provergateway.wire;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * bincode 1.x legacy primitives read from a byte array. Every value is validated; lengths are checked against the
 * remaining input before anything is allocated. Errors are {@link MalformedPayloadException}s located at the offset.
 */
final class BincodeReader {
    private final byte[] data;
    private int pos;

    BincodeReader(byte[] data) {
        this.data = data;
    }

    int offset() {
        return pos;
    }

    int remaining() {
        return data.length - pos;
    }

    MalformedPayloadException error(int at, String problem) {
        return new MalformedPayloadException("bincode offset " + at, problem);
    }

    private void need(int n, String what) {
        if (remaining() < n) {
            throw error(pos, "unexpected end of input reading " + what + " (" + n + " bytes needed, "
                    + remaining() + " left)");
        }
    }

    int u8(String what) {
        need(1, what);
        return data[pos++] & 0xFF;
    }

    boolean bool(String what) {
        int at = pos;
        int value = u8(what);
        if (value > 1) {
            throw error(at, what + ": invalid bool " + value);
        }
        return value == 1;
    }

    /** An {@code Option} tag: false for None, true for Some. */
    boolean option(String what) {
        int at = pos;
        int tag = u8(what);
        if (tag > 1) {
            throw error(at, what + ": invalid Option tag " + tag);
        }
        return tag == 1;
    }

    long u32(String what) {
        need(4, what);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (long) (data[pos++] & 0xFF) << (8 * i);
        }
        return value;
    }

    long u64(String what) {
        need(8, what);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (long) (data[pos++] & 0xFF) << (8 * i);
        }
        return value;
    }

    /** A sequence length; each item takes at least {@code minItemBytes}, so the count must fit the rest. */
    int length(String what, int minItemBytes) {
        int at = pos;
        long n = u64(what + " length");
        if (n < 0 || n > remaining() / Math.max(1, minItemBytes)) {
            throw error(at, what + ": length " + Long.toUnsignedString(n) + " exceeds the remaining "
                    + remaining() + " bytes");
        }
        return (int) n;
    }

    byte[] bytes(int n, String what) {
        need(n, what);
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    Bytes32 raw32(String what) {
        return Bytes32.wrap(bytes(Bytes32.LENGTH, what));
    }

    /** A serde {@code Bytes} {@code [u8; 32]}: the length must be 32. */
    Bytes32 prefixed32(String what) {
        int at = pos;
        long n = u64(what + " length");
        if (n != Bytes32.LENGTH) {
            throw error(at, what + ": expected length 32, got " + Long.toUnsignedString(n));
        }
        return raw32(what);
    }

    String str(String what) {
        int n = length(what, 1);
        int at = pos;
        byte[] utf8 = bytes(n, what);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw error(at, what + ": invalid UTF-8");
        }
    }

    Bytes32 h256(String what) {
        int at = pos;
        String text = str(what);
        try {
            Bytes32 value = Bytes32.fromHex(text);
            return canonical(at, what, text, value.toHex(), value);
        } catch (IllegalArgumentException e) {
            throw error(at, what + ": " + e.getMessage());
        }
    }

    Address h160(String what) {
        int at = pos;
        String text = str(what);
        try {
            Address value = Address.fromHex(text);
            return canonical(at, what, text, value.toHex(), value);
        } catch (IllegalArgumentException e) {
            throw error(at, what + ": " + e.getMessage());
        }
    }

    U256 u256(String what) {
        int at = pos;
        String text = str(what);
        try {
            U256 value = U256.parse(text);
            return canonical(at, what, text, value.toHex(), value);
        } catch (IllegalArgumentException e) {
            throw error(at, what + ": " + e.getMessage());
        }
    }

    private <T> T canonical(int at, String what, String text, String expected, T value) {
        if (!text.equals(expected)) {
            throw error(at, what + ": not the canonical serde text " + HexStrings.abbreviate(text));
        }
        return value;
    }

    FieldElement fieldElement(String what, BigInteger modulus) {
        int at = pos;
        FieldElement value = new FieldElement(u64(what), u64(what), u64(what), u64(what));
        if (!value.isBelow(modulus)) {
            throw error(at, what + ": field element not below its modulus");
        }
        return value;
    }

    G1Point g1(String what) {
        FieldElement x = fieldElement(what + ".x", FieldElement.FQ_MODULUS);
        FieldElement y = fieldElement(what + ".y", FieldElement.FQ_MODULUS);
        return new G1Point(x, y, bool(what + ".infinity"));
    }
}
