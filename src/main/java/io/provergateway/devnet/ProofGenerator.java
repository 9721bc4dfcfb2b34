package io.provergateway.devnet;

import io.provergateway.wire.FieldElement;
import io.provergateway.wire.FinalProof;
import io.provergateway.wire.FinalProof.DilatedOpening;
import io.provergateway.wire.FinalProof.SelectorOpening;
import io.provergateway.wire.G1Point;
import io.provergateway.wire.L1BatchProof;
import io.provergateway.wire.ProtocolVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Makes a well-formed {@code L1BatchProofForL1} with the shape of the real scheduler proof (n = 2^24 − 1, one public
 * input, four state-poly commitments, lookups present): field elements are below r, commitments are multiples of
 * the BN254 generator. It proves nothing; the coords are {@link AggregationCoords#expectedCoords} for the seed.
 */
public final class ProofGenerator {
    /** The domain size of the real scheduler proof. */
    public static final long DOMAIN_SIZE = 16_777_215L;
    private static final int STATE_POLYS = 4;
    private static final int QUOTIENT_PARTS = 4;
    private static final int COPY_PERMUTATION_OPENINGS = 3;

    private final long seed;

    public ProofGenerator(long seed) {
        this.seed = seed;
    }

    /** Deterministic for (seed, batch number, version). */
    public L1BatchProof generate(long l1BatchNumber, ProtocolVersion version) {
        SplittableRandom random = new SplittableRandom(seed ^ (l1BatchNumber * 0x9E3779B97F4A7C15L));
        return new L1BatchProof(AggregationCoords.expectedCoords(seed, l1BatchNumber), finalProof(random), version);
    }

    private static FinalProof finalProof(SplittableRandom random) {
        return new FinalProof(
                DOMAIN_SIZE,
                scalars(random, 1),
                points(random, STATE_POLYS),
                List.of(),
                point(random),
                Optional.of(point(random)),
                Optional.of(point(random)),
                points(random, QUOTIENT_PARTS),
                scalars(random, STATE_POLYS),
                // The real proof opens state poly 3 at dilation 1; serde writes the tuple as [1, 3, value].
                List.of(new DilatedOpening(1, 3, scalar(random))),
                List.of(),
                List.of(),
                List.of(),
                List.of(new SelectorOpening(0, scalar(random))),
                scalars(random, COPY_PERMUTATION_OPENINGS),
                scalar(random),
                Optional.of(scalar(random)),
                Optional.of(scalar(random)),
                Optional.of(scalar(random)),
                Optional.of(scalar(random)),
                Optional.of(scalar(random)),
                Optional.of(scalar(random)),
                scalar(random),
                scalar(random),
                point(random),
                point(random));
    }

    private static FieldElement scalar(SplittableRandom random) {
        return FieldElement.of(randomBits(random, 256).mod(FieldElement.FR_MODULUS));
    }

    private static List<FieldElement> scalars(SplittableRandom random, int count) {
        List<FieldElement> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(scalar(random));
        }
        return result;
    }

    private static G1Point point(SplittableRandom random) {
        BigInteger k = randomBits(random, Bn254Curve.MAX_SCALAR_BITS - 1).add(BigInteger.ONE);
        return Bn254Curve.multiplyGenerator(k);
    }

    private static List<G1Point> points(SplittableRandom random, int count) {
        List<G1Point> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(point(random));
        }
        return result;
    }

    private static BigInteger randomBits(SplittableRandom random, int bits) {
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < 4; i++) {
            value = value.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(random.nextLong())));
        }
        return value.shiftRight(256 - bits);
    }
}
