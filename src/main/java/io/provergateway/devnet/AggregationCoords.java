package io.provergateway.devnet;

import io.provergateway.wire.Bytes32;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The four {@code aggregation_result_coords} the simulated core expects for a batch. Both simulators derive them
 * from the same seed, so a prover simulator with another seed produces proofs the core simulator rejects.
 */
public final class AggregationCoords {
    private AggregationCoords() {}

    /** SHA-256 of (seed, batch number, coord index) for each of the four coords. */
    public static List<Bytes32> expectedCoords(long seed, long batchNumber) {
        List<Bytes32> coords = new ArrayList<>(4);
        for (int index = 0; index < 4; index++) {
            ByteBuffer input = ByteBuffer.allocate(3 * Long.BYTES)
                    .putLong(seed).putLong(batchNumber).putLong(index);
            coords.add(Bytes32.wrap(sha256().digest(input.array())));
        }
        return List.copyOf(coords);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
