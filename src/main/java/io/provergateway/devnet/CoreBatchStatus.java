package io.provergateway.devnet;

/** The core's {@code proof_generation_details.status} values (spec §3.4). */
public enum CoreBatchStatus {
    UNPICKED,
    PICKED_BY_PROVER,
    GENERATED,
    SKIPPED
}
