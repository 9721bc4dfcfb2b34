package io.provergateway.wire;

import java.math.BigInteger;

/**
 * Unsigned 256-bit integer with the {@code impl-serde} text form: "0x" + lowercase hex without leading zeros
 * ("0x0" for zero). Input accepts 1 to 64 hex digits, with or without "0x".
 */
public record U256(BigInteger value) {
    public static final U256 ZERO = new U256(BigInteger.ZERO);
    private static final int MAX_BITS = 256;

    public U256 {
        if (value.signum() < 0 || value.bitLength() > MAX_BITS) {
            throw new IllegalArgumentException("U256 out of range: " + value);
        }
    }

    public static U256 of(long unsignedValue) {
        return new U256(new BigInteger(Long.toUnsignedString(unsignedValue)));
    }

    /** Parses the serde input form; throws IllegalArgumentException naming the bad text. */
    public static U256 parse(String text) {
        return new U256(HexStrings.quantity(text, MAX_BITS / 4));
    }

    /** The canonical serde output form, also the exact bytes bincode stores. */
    public String toHex() {
        return "0x" + value.toString(16);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
