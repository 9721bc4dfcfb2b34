package io.provergateway.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** Immutable 32 bytes: an {@code H256} or a plain {@code [u8; 32]} of the upstream types. */
public final class Bytes32 {
    public static final int LENGTH = 32;
    public static final Bytes32 ZERO = new Bytes32(new byte[LENGTH]);

    private final byte[] bytes;

    private Bytes32(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Bytes32 wrap(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("expected 32 bytes, got " + bytes.length);
        }
        return new Bytes32(bytes.clone());
    }

    /** Parses the {@code impl-serde} H256 form: "0x" followed by exactly 64 hex digits (either case). */
    public static Bytes32 fromHex(String text) {
        return wrap(HexStrings.fixed(text, LENGTH));
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    public byte get(int index) {
        return bytes[index];
    }

    /** The serde form: "0x" + 64 lowercase hex digits. */
    public String toHex() {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes32 other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
