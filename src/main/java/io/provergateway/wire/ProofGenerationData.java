package io.provergateway.wire;

/** {@code ProofGenerationData}: the payload of {@code {"Success": {...}}} from {@code /proof_generation_data}. */
public record ProofGenerationData(
        long l1BatchNumber,
        WitnessInputData witnessInputData,
        ProtocolVersion protocolVersion,
        Bytes32 snarkWrapperVkHash) {}
