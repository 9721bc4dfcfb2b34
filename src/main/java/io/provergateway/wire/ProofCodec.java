package io.provergateway.wire;

import java.io.InputStream;
import java.io.OutputStream;

/** bincode and serde_json forms of {@link L1BatchProof} / {@link SubmitProofRequest} (spec §2.4, §5.4). */
public final class ProofCodec {
    private ProofCodec() {}

    /** Decodes {@code l1_batch_proof_{n}_{v}.bin}; field elements must be canonical (below their modulus). */
    public static L1BatchProof readBincode(InputStream in) {
        throw new UnsupportedOperationException("TODO");
    }

    public static void writeBincode(L1BatchProof proof, OutputStream out) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Exactly the compact bytes serde_json sends for this request (u64 limbs as unsigned integers). */
    public static byte[] submitRequestJson(SubmitProofRequest request) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Parses a {@code SubmitProofRequest} body (any field order), validating every value. */
    public static SubmitProofRequest readSubmitRequestJson(InputStream in) {
        throw new UnsupportedOperationException("TODO");
    }

    /** serde_json of a bare bellman {@code Proof} (the {@code scheduler_proof} shape). */
    public static void writeFinalProofJson(FinalProof proof, OutputStream out) {
        throw new UnsupportedOperationException("TODO");
    }

    public static FinalProof readFinalProofJson(InputStream in) {
        throw new UnsupportedOperationException("TODO");
    }
}
