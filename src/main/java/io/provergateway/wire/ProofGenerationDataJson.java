package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** serde_json (compact, declaration order) rendering of the data-request side, streaming. */
public final class ProofGenerationDataJson {
    private ProofGenerationDataJson() {}

    /** Writes {@code {"Success":{...}}} or, when empty, {@code {"Success":null}}. Does not close {@code out}. */
    public static void writeResponse(Optional<ProofGenerationData> data, OutputStream out) {
        try (JsonGenerator generator = JsonCursor.FACTORY.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeFieldName("Success");
            if (data.isPresent()) {
                new WitnessJsonWriter(generator).proofGenerationData(data.get());
            } else {
                generator.writeNull();
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code WitnessInputMerklePaths} as serde_json would. Does not close {@code out}. */
    public static void writeMerklePaths(WitnessInputMerklePaths paths, OutputStream out) {
        try (JsonGenerator generator = JsonCursor.FACTORY.createGenerator(out)) {
            new WitnessJsonWriter(generator).merklePaths(paths);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code [u8; N]} or {@code Vec<u8>} as serde_json writes it: an array of numbers. */
    static void writeByteArray(JsonGenerator out, byte[] bytes) throws IOException {
        out.writeStartArray();
        for (byte b : bytes) {
            out.writeNumber(b & 0xFF);
        }
        out.writeEndArray();
    }
}
