package io.provergateway.devnet;

import io.provergateway.wire.FieldElement;
import io.provergateway.wire.G1Point;
import java.math.BigInteger;

/** Affine arithmetic on BN254 G1 ({@code y^2 = x^3 + 3} over Fq), enough to make points that are on the curve. */
public final class Bn254Curve {
    private static final BigInteger P = FieldElement.FQ_MODULUS;
    private static final BigInteger B = BigInteger.valueOf(3);
    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger THREE = BigInteger.valueOf(3);
    /** The generator (1, 2). */
    public static final G1Point GENERATOR = new G1Point(FieldElement.ONE, FieldElement.of(TWO), false);

    private Bn254Curve() {}

    /** Largest scalar size accepted: keeps every partial sum of double-and-add away from its negation. */
    public static final int MAX_SCALAR_BITS = 252;

    /** {@code k·G} by double-and-add; {@code k} must be positive and at most {@link #MAX_SCALAR_BITS} bits. */
    public static G1Point multiplyGenerator(BigInteger k) {
        if (k.signum() <= 0 || k.bitLength() > MAX_SCALAR_BITS) {
            throw new IllegalArgumentException("scalar must be in [1, 2^" + MAX_SCALAR_BITS + "): " + k);
        }
        BigInteger[] result = null;
        BigInteger[] addend = {BigInteger.ONE, TWO};
        for (int bit = 0; bit < k.bitLength(); bit++) {
            if (k.testBit(bit)) {
                result = result == null ? addend : add(result, addend);
            }
            addend = add(addend, addend);
        }
        return new G1Point(FieldElement.of(result[0]), FieldElement.of(result[1]), false);
    }

    /** True for the point at infinity in its serde form, or for an affine point on the curve with canonical coords. */
    public static boolean isOnCurve(G1Point point) {
        if (point.infinity()) {
            return point.x().equals(FieldElement.ZERO) && point.y().equals(FieldElement.ONE);
        }
        BigInteger x = point.x().toBigInteger();
        BigInteger y = point.y().toBigInteger();
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            return false;
        }
        return y.modPow(TWO, P).equals(x.modPow(THREE, P).add(B).mod(P));
    }

    /**
     * Adds two affine points (doubling when equal). With scalars below 2^252 the operands m·G and 2^i·G (m < 2^i)
     * are never inverse of each other, so the sum is never the point at infinity.
     */
    private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        BigInteger slope;
        if (a[0].equals(b[0])) {
            slope = THREE.multiply(a[0].pow(2)).multiply(TWO.multiply(a[1]).modInverse(P)).mod(P);
        } else {
            slope = b[1].subtract(a[1]).multiply(b[0].subtract(a[0]).modInverse(P)).mod(P);
        }
        BigInteger x = slope.pow(2).subtract(a[0]).subtract(b[0]).mod(P);
        BigInteger y = slope.multiply(a[0].subtract(x)).subtract(a[1]).mod(P);
        return new BigInteger[] {x, y};
    }
}
