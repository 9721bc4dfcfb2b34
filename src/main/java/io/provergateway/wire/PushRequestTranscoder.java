package io.provergateway.wire;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streams a push-mode {@code ProofGenerationData} JSON body (push-mode spec §2.3) into ciborium's exact CBOR of its
 * {@code WitnessInputData} (§4.3), with bounded memory for any body size.
 */
public final class PushRequestTranscoder {
    private PushRequestTranscoder() {}

    /**
     * Transcodes {@code json} into {@code cborOut} (created or truncated; junk on any exception).
     *
     * @param spillDir directory for temporary files where a length must be known before its content
     * @throws MalformedPayloadException naming the JSON path when the body does not have upstream's shape
     * @throws java.io.UncheckedIOException when reading the body or writing the files fails
     */
    public static PushedBatch transcode(InputStream json, Path cborOut, Path spillDir) {
        throw new UnsupportedOperationException("PushRequestTranscoder not implemented yet");
    }
}
