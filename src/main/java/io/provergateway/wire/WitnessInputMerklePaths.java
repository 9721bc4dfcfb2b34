package io.provergateway.wire;

import java.util.List;

/** {@code WitnessInputMerklePaths}; {@code nextEnumerationIndex} is an unsigned u64. */
public record WitnessInputMerklePaths(List<StorageLogMetadata> merklePaths, long nextEnumerationIndex) {

    /**
     * {@code StorageLogMetadata}. {@code rootHash} and each path hash are serde {@code Bytes} (length-prefixed in
     * bincode); {@code valueWritten}/{@code valueRead} are plain {@code [u8; 32]}. {@code leafEnumerationIndex} is u64.
     */
    public record StorageLogMetadata(
            Bytes32 rootHash,
            boolean isWrite,
            boolean firstWrite,
            List<Bytes32> merklePaths,
            U256 leafHashedKey,
            long leafEnumerationIndex,
            Bytes32 valueWritten,
            Bytes32 valueRead) {}
}
