package io.provergateway.wire;

/** {@code G1Affine} in serde form {@code {"x":[..],"y":[..],"infinity":bool}}; infinity is x=0, y=1. */
public record G1Point(FieldElement x, FieldElement y, boolean infinity) {
    public static final G1Point INFINITY = new G1Point(FieldElement.ZERO, FieldElement.ONE, true);
}
