package io.provergateway.wire;

import java.util.List;

/**
 * {@code L1BatchProofForL1}: four 32-byte aggregation result coords (system-logs hash, state-diff hash, bootloader
 * heap initial content, events queue state), the final proof and the protocol version.
 */
public record L1BatchProof(List<Bytes32> aggregationResultCoords, FinalProof schedulerProof, ProtocolVersion protocolVersion) {
    public static final int COORDS = 4;

    public L1BatchProof {
        if (aggregationResultCoords.size() != COORDS) {
            throw new IllegalArgumentException("expected 4 aggregation result coords, got " + aggregationResultCoords.size());
        }
        aggregationResultCoords = List.copyOf(aggregationResultCoords);
    }
}
