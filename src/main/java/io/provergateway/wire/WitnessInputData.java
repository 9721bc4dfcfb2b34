package io.provergateway.wire;

/** {@code WitnessInputData}: what the gateway stores as {@code witness_inputs/witness_inputs_{n}.bin}. */
public record WitnessInputData(
        VmRunWitnessInputData vmRunData,
        WitnessInputMerklePaths merklePaths,
        L1BatchMetadataHashes previousBatchMetadata,
        Eip4844Blobs eip4844Blobs) {}
