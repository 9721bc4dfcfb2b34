package io.provergateway.wire;

/** {@code SubmitProofRequest}: {@code {"Proof":{...}}} or {@code "SkippedProofGeneration"}. */
public sealed interface SubmitProofRequest {

    record Proof(L1BatchProof proof) implements SubmitProofRequest {}

    record SkippedProofGeneration() implements SubmitProofRequest {}
}
