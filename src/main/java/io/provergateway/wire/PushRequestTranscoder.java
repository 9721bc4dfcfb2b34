package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Streams a push-mode {@code ProofGenerationData} JSON body (push-mode spec §2.3) into ciborium's exact CBOR of its
 * {@code WitnessInputData} (§4.3), with bounded memory for any body size: values go straight from the JSON parser to
 * the output; only a sequence (whose CBOR length comes first) and a field that arrives before its predecessors are
 * buffered, in memory up to a small limit and in temp files in {@code spillDir} beyond it.
 *
 * <p>Accepted as upstream accepts: any key order, unknown keys ignored, {@code chain_id} as a number or a decimal
 * or hex string (missing: 0), {@code batch_sealed_at} missing ({@code null} in the result), the verifier hash under
 * either name, {@code fflonk_snark_wrapper_vk_hash} null or missing, blobs of any length, and duplicate entries in
 * the hash-map fields ({@code used_bytecodes}, {@code read_storage_key}, {@code is_write_initial}), which are written
 * in JSON order so that a serde reader builds upstream's map (the last value wins). The batch number inside
 * {@code vm_run_data} is not compared with the outer one (upstream does not compare them either).
 *
 * <p>Errors: {@link PushRequestSyntaxException} (a {@link MalformedPayloadException}) for input that is not
 * well-formed JSON — upstream's 400; any other {@link MalformedPayloadException} for a wrong shape — upstream's 422.
 * Both name the JSON path. {@link UncheckedIOException} when reading the body or writing the files fails.
 */
public final class PushRequestTranscoder {
    private static final int OUTPUT_BUFFER = 1 << 20;
    private static final int SPILL_MEMORY = 256 << 10;
    /** How the codec's JSON reader words its syntax errors (serde_json's Syntax and Eof categories). */
    private static final String READER_SYNTAX = "invalid JSON";

    private PushRequestTranscoder() {}

    /**
     * Transcodes {@code json} into {@code cborOut} (created or truncated; junk on any exception).
     *
     * @param spillDir directory for temporary files where a length must be known before its content; they are
     *     deleted before this method returns
     * @return the fields the database rows need and the CBOR size
     */
    public static PushedBatch transcode(InputStream json, Path cborOut, Path spillDir) {
        JsonCursor cursor = null;
        try (ByteSink out = ByteSink.toFile(cborOut, OUTPUT_BUFFER)) {
            cursor = new JsonCursor(json);
            try (TranscodeSession session = new TranscodeSession(cursor, spillDir, SPILL_MEMORY)) {
                PushedBatch batch = body(session, out);
                out.flush();
                return batch;
            }
        } catch (JsonSyntaxException e) {
            throw new PushRequestSyntaxException(e.location(), e.problem(), e);
        } catch (IOException e) {
            throw classify(JsonCursor.failure(e, cursor), e);
        } catch (PushRequestSyntaxException e) {
            throw e;
        } catch (MalformedPayloadException e) {
            throw e.problem().startsWith(READER_SYNTAX) ? new PushRequestSyntaxException(e.location(), e.problem(), e)
                    : e;
        }
    }

    private static PushedBatch body(TranscodeSession session, ByteSink out) throws IOException {
        JsonCursor c = session.cursor();
        if (c.next() == null) {
            throw new PushRequestSyntaxException("$", "EOF while parsing a value (empty body)", null);
        }
        c.expect(JsonToken.START_OBJECT, "a ProofGenerationData object");
        PushRequestFields fields = new PushRequestFields(c);
        PushWitnessCbor witness = new PushWitnessCbor(session);
        for (String name = c.nextField(); name != null; name = c.nextField()) {
            if (name.equals("witness_input_data")) {
                fields.markWitness();
                c.next();
                witness.witnessInputData(out);
            } else {
                fields.read(name);
            }
        }
        fields.requireAll();
        if (c.next() != null) {
            throw new PushRequestSyntaxException("$", "trailing characters after the JSON value", null);
        }
        return fields.batch(out.position());
    }

    /** Parser errors are syntax (400), except a number too large for its Java type, which is a value error. */
    private static RuntimeException classify(RuntimeException failure, IOException cause) {
        if (failure instanceof MalformedPayloadException m && !(cause instanceof InputCoercionException)) {
            return new PushRequestSyntaxException(m.location(), m.problem(), cause);
        }
        return failure;
    }
}
