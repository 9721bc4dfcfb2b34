package io.provergateway.store;

import io.provergateway.wire.ProtocolVersion;

/** Upstream bucket names and object keys (spec §5.1). */
public final class ObjectKeys {
    public static final String WITNESS_INPUTS = "witness_inputs";
    public static final String PROOFS_FRI = "proofs_fri";

    private ObjectKeys() {}

    /** {@code witness_inputs_{n}.bin}, the key of {@code WitnessInputData} in bucket {@code witness_inputs}. */
    public static String witnessInputs(long l1BatchNumber) {
        return "witness_inputs_" + l1BatchNumber + ".bin";
    }

    /** {@code l1_batch_proof_{n}_0_{minor}_{patch}.bin}, the key of {@code L1BatchProofForL1} in {@code proofs_fri}. */
    public static String l1BatchProof(long l1BatchNumber, ProtocolVersion version) {
        return "l1_batch_proof_" + l1BatchNumber + "_" + version.keySuffix() + ".bin";
    }
}
