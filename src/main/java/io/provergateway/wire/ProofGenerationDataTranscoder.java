package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a {@code ProofGenerationDataResponse} JSON body straight into the bincode of its {@code WitnessInputData}
 * (spec §5.3) without building the payload in memory. Any JSON field order, unknown fields ignored, duplicate
 * struct fields rejected, duplicate map keys resolved as upstream's HashMap does (the last value wins); every value
 * validated. A malformed body throws {@link MalformedPayloadException} naming the JSON path.
 */
public final class ProofGenerationDataTranscoder {
    private static final int DEFAULT_OUTPUT_BUFFER = 1 << 20;
    private static final int DEFAULT_SPILL_MEMORY = 1 << 20;

    private final int outputBuffer;
    private final int spillMemory;

    public ProofGenerationDataTranscoder() {
        this(DEFAULT_OUTPUT_BUFFER, DEFAULT_SPILL_MEMORY);
    }

    /**
     * @param outputBuffer bytes buffered in front of the output file
     * @param spillMemory bytes an out-of-order field may hold in memory before it moves to a temp file next to the
     *     output
     */
    ProofGenerationDataTranscoder(int outputBuffer, int spillMemory) {
        if (outputBuffer < 16 || spillMemory < 16) {
            throw new IllegalArgumentException("buffers must be at least 16 bytes");
        }
        this.outputBuffer = outputBuffer;
        this.spillMemory = spillMemory;
    }

    /** Transcodes {@code json} into {@code bincodeOut} (created or truncated). On any exception the file is junk. */
    public TranscodeResult transcode(InputStream json, Path bincodeOut) {
        JsonCursor cursor = null;
        try (ByteSink out = ByteSink.toFile(bincodeOut, outputBuffer)) {
            cursor = new JsonCursor(json);
            try (TranscodeSession session = new TranscodeSession(cursor, spillDir(bincodeOut), spillMemory)) {
                TranscodeResult result = new ResponseTranscoder(session).response(out);
                cursor.expectEndOfInput();
                return result;
            }
        } catch (IOException e) {
            throw JsonCursor.failure(e, cursor);
        }
    }

    /** Transcodes a bare {@code WitnessInputMerklePaths} JSON document into its bincode (fixture tests). */
    public void transcodeMerklePaths(InputStream json, Path bincodeOut) {
        JsonCursor cursor = null;
        try (ByteSink out = ByteSink.toFile(bincodeOut, outputBuffer)) {
            cursor = new JsonCursor(json);
            try (TranscodeSession session = new TranscodeSession(cursor, spillDir(bincodeOut), spillMemory)) {
                cursor.next();
                new WitnessTranscoder(session).merklePaths(out);
                cursor.expectEndOfInput();
            }
        } catch (IOException e) {
            throw JsonCursor.failure(e, cursor);
        }
    }

    private static Path spillDir(Path output) {
        return output.toAbsolutePath().getParent();
    }

    /** The envelope: {@code {"Success":{...}}}, {@code {"Success":null}} or {@code {"Error":"..."}}. */
    private static final class ResponseTranscoder {
        private final TranscodeSession session;
        private final JsonCursor c;

        ResponseTranscoder(TranscodeSession session) {
            this.session = session;
            this.c = session.cursor();
        }

        TranscodeResult response(ByteSink out) throws IOException {
            c.expectNext(JsonToken.START_OBJECT, "{\"Success\":...} or {\"Error\":\"...\"}");
            String variant = c.nextField();
            if (variant == null) {
                throw c.error("expected one enum variant (Success or Error), got an empty object");
            }
            TranscodeResult result;
            if (variant.equals("Success")) {
                result = c.next() == JsonToken.VALUE_NULL ? new TranscodeResult.NoBatch() : success(out);
            } else if (variant.equals("Error")) {
                c.next();
                result = new TranscodeResult.CoreError(c.string("an error message string"));
            } else {
                throw c.error("unknown variant " + variant + ", expected Success or Error");
            }
            if (c.next() != JsonToken.END_OBJECT) {
                throw c.error("expected the end of the enum object after the single variant");
            }
            return result;
        }

        private TranscodeResult success(ByteSink out) throws IOException {
            c.expect(JsonToken.START_OBJECT, "null or a ProofGenerationData object");
            ProofGenerationDataFields fields = new ProofGenerationDataFields(c);
            WitnessTranscoder witness = new WitnessTranscoder(session);
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
            List<TranscodeResult.Suspicion> suspicions = new ArrayList<>(witness.suspicions());
            if (witness.vmRunBatchNumber() != fields.l1BatchNumber()) {
                suspicions.add(new TranscodeResult.Suspicion("batch_number_mismatch",
                        "witness_input_data.vm_run_data.l1_batch_number " + witness.vmRunBatchNumber()
                                + " differs from l1_batch_number " + fields.l1BatchNumber()
                                + "; stored under " + fields.l1BatchNumber() + " as upstream does"));
            }
            return new TranscodeResult.Batch(fields.l1BatchNumber(), fields.protocolVersion(), fields.vkHash(),
                    out.position(), suspicions);
        }
    }
}
