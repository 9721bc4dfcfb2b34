package io.provergateway.devnet;

import picocli.CommandLine.Option;

/** {@code --rollup | --validium} (an exclusive picocli argument group); rollup when neither is given. */
final class CommitmentModeOption {
    @Option(names = "--rollup", description = "Batches carry EIP-4844 blobs (default).")
    boolean rollup;

    @Option(names = "--validium", description = "Batches carry no blobs.")
    boolean validium;

    static CommitmentMode of(CommitmentModeOption option) {
        return option != null && option.validium ? CommitmentMode.VALIDIUM : CommitmentMode.ROLLUP;
    }
}
