package io.provergateway.wire;

import java.io.OutputStream;
import java.util.Optional;

/** serde_json (compact, declaration order) rendering of the data-request side, streaming. */
public final class ProofGenerationDataJson {
    private ProofGenerationDataJson() {}

    /** Writes {@code {"Success":{...}}} or, when empty, {@code {"Success":null}}. Does not close {@code out}. */
    public static void writeResponse(Optional<ProofGenerationData> data, OutputStream out) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Writes {@code WitnessInputMerklePaths} as serde_json would. Does not close {@code out}. */
    public static void writeMerklePaths(WitnessInputMerklePaths paths, OutputStream out) {
        throw new UnsupportedOperationException("TODO");
    }
}
