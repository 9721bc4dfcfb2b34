package io.provergateway.wire;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streams a {@code ProofGenerationDataResponse} JSON body straight into the bincode of its {@code WitnessInputData}
 * (spec §5.3) without building the payload in memory. Any JSON field order, unknown fields ignored, duplicates
 * rejected; every value validated. A malformed body throws {@link MalformedPayloadException} naming the JSON path.
 */
public final class ProofGenerationDataTranscoder {

    /** Transcodes {@code json} into {@code bincodeOut} (created or truncated). On any exception the file is junk. */
    public TranscodeResult transcode(InputStream json, Path bincodeOut) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Transcodes a bare {@code WitnessInputMerklePaths} JSON document into its bincode (fixture tests). */
    public void transcodeMerklePaths(InputStream json, Path bincodeOut) {
        throw new UnsupportedOperationException("TODO");
    }
}
