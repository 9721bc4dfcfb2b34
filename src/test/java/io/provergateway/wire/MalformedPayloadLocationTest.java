package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedPayloadLocationTest {
    @TempDir
    Path dir;

    @Test
    void aDeeplyNestedDocumentGivesAShortMessageThatStillNamesWhere() throws Exception {
        String hostile = "{\"Success\":{\"witness_input_data\":{\"x\":" + "[".repeat(10_000);
        MalformedPayloadException error = null;
        try {
            new ProofGenerationDataTranscoder().transcode(
                    new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8)), dir.resolve("out.bin"));
        } catch (MalformedPayloadException e) {
            error = e;
        }
        assertThat(error).isNotNull();
        assertThat(error.getMessage().length()).isLessThan(MalformedPayloadException.MAX_LOCATION_CHARS + 400);
        assertThat(error.location()).startsWith("$.Success.witness_input_data");
    }

    @Test
    void shortLocationsAreKeptWhole() {
        assertThat(new MalformedPayloadException("$.Success.l1_batch_number", "bad").getMessage())
                .isEqualTo("$.Success.l1_batch_number: bad");
    }
}
