package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** bincode and serde_json forms of {@link L1BatchProof} / {@link SubmitProofRequest} (spec §2.4, §5.4). */
public final class ProofCodec {
    private ProofCodec() {}

    /** Decodes {@code l1_batch_proof_{n}_{v}.bin}; field elements must be canonical (below their modulus). */
    public static L1BatchProof readBincode(InputStream in) {
        return FinalProofBincode.readBatchProof(new BincodeReader(readAll(in)));
    }

    public static void writeBincode(L1BatchProof proof, OutputStream out) {
        BincodeWriter writer = new BincodeWriter(out);
        FinalProofBincode.writeBatchProof(proof, writer);
        writer.flush();
    }

    /** Decodes the bincode of a bare bellman {@code Proof} (no coords, no version); trailing bytes are allowed. */
    public static FinalProof readFinalProofBincode(InputStream in) {
        return FinalProofBincode.readProof(new BincodeReader(readAll(in)));
    }

    public static void writeFinalProofBincode(FinalProof proof, OutputStream out) {
        BincodeWriter writer = new BincodeWriter(out);
        FinalProofBincode.writeProof(proof, writer);
        writer.flush();
    }

    /** Exactly the compact bytes serde_json sends for this request (u64 limbs as unsigned integers). */
    public static byte[] submitRequestJson(SubmitProofRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator generator = JsonCursor.FACTORY.createGenerator(out)) {
            new ProofJsonWriter(generator).request(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Parses a {@code SubmitProofRequest} body (any field order), validating every value. */
    public static SubmitProofRequest readSubmitRequestJson(InputStream in) {
        JsonCursor cursor = null;
        try {
            cursor = new JsonCursor(in);
            SubmitProofRequest request = new ProofJsonReader(cursor).request();
            cursor.expectEndOfInput();
            return request;
        } catch (IOException e) {
            throw JsonCursor.failure(e, cursor);
        }
    }

    /** serde_json of a bare bellman {@code Proof} (the {@code scheduler_proof} shape). */
    public static void writeFinalProofJson(FinalProof proof, OutputStream out) {
        try (JsonGenerator generator = JsonCursor.FACTORY.createGenerator(out)) {
            new ProofJsonWriter(generator).finalProof(proof);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FinalProof readFinalProofJson(InputStream in) {
        JsonCursor cursor = null;
        try {
            cursor = new JsonCursor(in);
            cursor.expectNext(JsonToken.START_OBJECT, "a Proof object");
            FinalProof proof = new ProofJsonReader(cursor).finalProof();
            cursor.expectEndOfInput();
            return proof;
        } catch (IOException e) {
            throw JsonCursor.failure(e, cursor);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
