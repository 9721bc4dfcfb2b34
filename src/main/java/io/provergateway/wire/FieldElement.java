package io.provergateway.wire;

import java.math.BigInteger;

/**
 * A BN254 field element ({@code Fr} or {@code Fq}) in serde form: four canonical little-endian u64 limbs, each an
 * unsigned 64-bit value held in a long.
 */
public record FieldElement(long limb0, long limb1, long limb2, long limb3) {
    /** Scalar field modulus r (for {@code Fr}). */
    public static final BigInteger FR_MODULUS = new BigInteger(
            "21888242871839275222246405745257275088548364400416034343698204186575808495617");
    /** Base field modulus p (for {@code Fq}, the coordinates of G1 points). */
    public static final BigInteger FQ_MODULUS = new BigInteger(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583");

    public static final FieldElement ZERO = new FieldElement(0, 0, 0, 0);
    public static final FieldElement ONE = new FieldElement(1, 0, 0, 0);

    public static FieldElement of(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("field element out of range: " + value);
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        return new FieldElement(
                value.and(mask).longValue(),
                value.shiftRight(64).and(mask).longValue(),
                value.shiftRight(128).and(mask).longValue(),
                value.shiftRight(192).and(mask).longValue());
    }

    public long limb(int index) {
        return switch (index) {
            case 0 -> limb0;
            case 1 -> limb1;
            case 2 -> limb2;
            case 3 -> limb3;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    public BigInteger toBigInteger() {
        BigInteger result = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) {
            result = result.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limb(i))));
        }
        return result;
    }

    public boolean isBelow(BigInteger modulus) {
        return toBigInteger().compareTo(modulus) < 0;
    }
}
