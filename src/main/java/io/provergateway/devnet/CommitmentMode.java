package io.provergateway.devnet;

/** The core's {@code l1_batch_commit_data_generator_mode}: rollups publish EIP-4844 blobs, validiums do not. */
public enum CommitmentMode {
    ROLLUP,
    VALIDIUM
}
