package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushRequestGoldenTest {
    @TempDir
    Path tmp;

    @Test
    void handWrittenVector_isWhatTheTranscoderWrites() throws Exception {
        Path out = tmp.resolve("w.cbor");

        PushedBatch batch = PushRequestTranscoder.transcode(
                new ByteArrayInputStream(PushGoldenVector.BODY.getBytes(StandardCharsets.UTF_8)), out, tmp);

        byte[] expected = HexFormat.of().parseHex(PushGoldenVector.CBOR);
        ByteAssertions.assertSameBytes(Files.readAllBytes(out), expected, "golden WitnessInputData CBOR");
        assertThat(batch).isEqualTo(new PushedBatch(7, 270, new ProtocolVersion(29, 4),
                Instant.parse("2026-06-30T08:15:02.5Z"), expected.length, Bytes32.fromHex(PushGoldenVector.H1),
                null));
    }

    @Test
    void handWrittenVector_isCanonicalForAnIndependentDecoder() {
        byte[] expected = HexFormat.of().parseHex(PushGoldenVector.CBOR);

        var tree = PushCborTestSupport.cborTree(expected);

        ByteAssertions.assertSameBytes(PushCborTestSupport.canonical(tree), expected, "canonical");
        assertThat(tree.at("/vm_run_data/pubdata_costs").toString()).isEqualTo("[-1,-25,100]");
        assertThat(tree.at("/merkle_paths/next_enumeration_index").asLong()).isEqualTo(1L << 32);
    }
}
