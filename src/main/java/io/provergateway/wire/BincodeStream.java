package io.provergateway.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * bincode 1.x legacy primitives read one by one from a stream (the streaming sibling of {@link BincodeReader}, for
 * objects too large to hold): nothing is kept but the value being read. Errors are {@link MalformedPayloadException}s
 * located at the byte offset; I/O failures are {@link UncheckedIOException}s.
 */
final class BincodeStream {
    /** Longest string accepted (hex texts of hashes and U256 are at most 66 characters). */
    private static final int MAX_STRING = 1024;

    private final InputStream in;
    private long pos;

    /** @param in read in small pieces, so it should be buffered */
    BincodeStream(InputStream in) {
        this.in = in;
    }

    long offset() {
        return pos;
    }

    MalformedPayloadException error(long at, String problem) {
        return new MalformedPayloadException("bincode offset " + at, problem);
    }

    byte[] bytes(int n, String what) {
        try {
            byte[] out = in.readNBytes(n);
            if (out.length < n) {
                throw error(pos + out.length, "unexpected end of input reading " + what + " (" + n
                        + " bytes needed, " + out.length + " left)");
            }
            pos += n;
            return out;
        } catch (EOFException e) {
            throw error(pos, "unexpected end of input reading " + what);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bincode at offset " + pos + " (" + what + ")", e);
        }
    }

    private long littleEndian(int n, String what) {
        byte[] raw = bytes(n, what);
        long value = 0;
        for (int i = 0; i < n; i++) {
            value |= (long) (raw[i] & 0xFF) << (8 * i);
        }
        return value;
    }

    int u8(String what) {
        return (int) littleEndian(1, what);
    }

    boolean bool(String what) {
        long at = pos;
        int value = u8(what);
        if (value > 1) {
            throw error(at, what + ": invalid bool " + value);
        }
        return value == 1;
    }

    boolean option(String what) {
        long at = pos;
        int tag = u8(what);
        if (tag > 1) {
            throw error(at, what + ": invalid Option tag " + tag);
        }
        return tag == 1;
    }

    long u32(String what) {
        return littleEndian(4, what);
    }

    long u64(String what) {
        return littleEndian(8, what);
    }

    /** A sequence length; items are then read one by one, so a bogus length ends at the end of the input. */
    long length(String what) {
        long at = pos;
        long n = u64(what + " length");
        if (n < 0) {
            throw error(at, what + ": length " + Long.toUnsignedString(n) + " is out of range");
        }
        return n;
    }

    byte[] raw32(String what) {
        return bytes(Bytes32.LENGTH, what);
    }

    byte[] prefixed32(String what) {
        long at = pos;
        long n = u64(what + " length");
        if (n != Bytes32.LENGTH) {
            throw error(at, what + ": expected length 32, got " + Long.toUnsignedString(n));
        }
        return raw32(what);
    }

    String str(String what) {
        long at = pos;
        long n = length(what);
        if (n > MAX_STRING) {
            throw error(at, what + ": string of " + n + " bytes, longer than any hex value");
        }
        byte[] utf8 = bytes((int) n, what);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(utf8)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw error(at, what + ": invalid UTF-8");
        }
    }

    /** An {@code H256} (serde text form), checked to be canonical; returns that text. */
    String h256(String what) {
        long at = pos;
        String text = str(what);
        try {
            return canonical(at, what, text, Bytes32.fromHex(text).toHex());
        } catch (IllegalArgumentException e) {
            throw error(at, what + ": " + e.getMessage());
        }
    }

    String h160(String what) {
        long at = pos;
        String text = str(what);
        try {
            return canonical(at, what, text, Address.fromHex(text).toHex());
        } catch (IllegalArgumentException e) {
            throw error(at, what + ": " + e.getMessage());
        }
    }

    String u256(String what) {
        long at = pos;
        String text = str(what);
        try {
            return canonical(at, what, text, U256.parse(text).toHex());
        } catch (IllegalArgumentException e) {
            throw error(at, what + ": " + e.getMessage());
        }
    }

    private String canonical(long at, String what, String text, String expected) {
        if (!text.equals(expected)) {
            throw error(at, what + ": not the canonical serde text " + HexStrings.abbreviate(text));
        }
        return text;
    }
}
