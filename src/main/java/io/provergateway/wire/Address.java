package io.provergateway.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** Immutable 20-byte {@code H160} / {@code Address}. */
public final class Address {
    public static final int LENGTH = 20;

    private final byte[] bytes;

    private Address(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Address wrap(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("expected 20 bytes, got " + bytes.length);
        }
        return new Address(bytes.clone());
    }

    /** Parses "0x" followed by exactly 40 hex digits (either case). */
    public static Address fromHex(String text) {
        return wrap(HexStrings.fixed(text, LENGTH));
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    /** The serde form: "0x" + 40 lowercase hex digits. */
    public String toHex() {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address other && Arrays.equals(bytes, other.bytes);
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
