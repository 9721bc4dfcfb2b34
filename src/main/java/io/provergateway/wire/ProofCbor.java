package io.provergateway.wire;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The stored {@code L1BatchProofForL1} CBOR (push-mode spec §4.4, {@code {"inner":{"Plonk"|"Fflonk"|"Airbender":X}}})
 * and its untagged JSON wire form X (§2.6).
 */
public final class ProofCbor {
    private ProofCbor() {}

    /**
     * Writes the untagged JSON proof value X, exactly as serde_json writes {@code JsonL1BatchProofForL1}.
     *
     * @throws MalformedPayloadException when the CBOR is not an {@code L1BatchProofForL1}
     * @throws java.io.UncheckedIOException on a read or write failure
     */
    public static void writeJson(InputStream cbor, OutputStream json) {
        throw new UnsupportedOperationException("ProofCbor.writeJson not implemented yet");
    }

    /**
     * The reverse: an untagged JSON proof value (PLONK, FFLONK or Airbender, tried in upstream's order) → the
     * ciborium bytes of the {@code L1BatchProofForL1} holding it.
     *
     * @throws MalformedPayloadException naming the JSON path when no variant matches
     */
    public static byte[] fromJson(byte[] jsonProof) {
        throw new UnsupportedOperationException("ProofCbor.fromJson not implemented yet");
    }
}
