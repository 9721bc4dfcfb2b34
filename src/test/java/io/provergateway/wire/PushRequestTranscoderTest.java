package io.provergateway.wire;

import static io.provergateway.wire.PushCborTestSupport.bytesAsArrays;
import static io.provergateway.wire.PushCborTestSupport.canonical;
import static io.provergateway.wire.PushCborTestSupport.cborTree;
import static io.provergateway.wire.PushCborTestSupport.pushBody;
import static io.provergateway.wire.PushCborTestSupport.text;
import static io.provergateway.wire.PushCborTestSupport.witnessJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PushRequestTranscoderTest {
    @TempDir
    Path tmp;

    private PushedBatch transcode(byte[] body) {
        return PushRequestTranscoder.transcode(new ByteArrayInputStream(body), tmp.resolve("w.cbor"), tmp);
    }

    private byte[] output() throws Exception {
        return Files.readAllBytes(tmp.resolve("w.cbor"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void generatedWitness_decodesIndependentlyToTheJsonStructure_inCanonicalForm(long seed) throws Exception {
        ProofGenerationData data = new WitnessInputGenerator(seed, 4, seed % 4 == 0 ? 2 : 0).proofGenerationData();

        PushedBatch batch = transcode(pushBody(data, "270", "\"2026-06-30T08:15:02.123456Z\""));

        byte[] cbor = output();
        assertThat(batch).isEqualTo(new PushedBatch(data.l1BatchNumber(), 270, data.protocolVersion(),
                Instant.parse("2026-06-30T08:15:02.123456Z"), cbor.length, data.snarkWrapperVkHash(), null));
        assertThat(text(bytesAsArrays(cborTree(cbor)))).isEqualTo(text(witnessJson(data.witnessInputData())));
        ByteAssertions.assertSameBytes(cbor, canonical(cborTree(cbor)), "definite lengths, shortest heads");
    }

    @Test
    void byteStringsOnlyForTheBytesFields() throws Exception {
        ProofGenerationData data = new WitnessInputGenerator(3, 3, 1).proofGenerationData();
        transcode(pushBody(data, null, null));

        var tree = cborTree(output());
        var log = tree.at("/merkle_paths/merkle_paths/0");
        if (!log.isMissingNode()) {
            assertThat(log.get("root_hash").isBinary()).isTrue();
            assertThat(log.get("value_written").isArray()).isTrue();
            assertThat(log.get("value_read").isArray()).isTrue();
            log.get("merkle_paths").forEach(p -> assertThat(p.isBinary()).isTrue());
        }
        tree.at("/vm_run_data/bootloader_code").forEach(w -> assertThat(w.isArray()).isTrue());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void shuffledKeysAndUnknownKeysAtEveryLevel_giveTheSameBytes(long seed) throws Exception {
        ProofGenerationData data = new WitnessInputGenerator(seed, 3, seed % 3 == 0 ? 1 : 0).proofGenerationData();
        transcode(pushBody(data, "\"0x10e\"", null));
        byte[] inOrder = output();

        PushedBatch batch = transcode(new JsonShuffler(seed, true).shuffle(pushBody(data, "\"0x10e\"", null)));

        ByteAssertions.assertSameBytes(output(), inOrder, "seed " + seed);
        assertThat(batch.chainId()).isEqualTo(270);
        try (var files = Files.list(tmp)) {
            assertThat(files).as("no spill files left").containsExactly(tmp.resolve("w.cbor"));
        }
    }
}
