package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What upstream's serde accepts is accepted and stored as upstream stores it (issue 8 item 7): repeated map keys keep
 * their last value and are written once, blobs of any length, a batch number disagreeing with the witness data (stored
 * under the outer number, flagged as suspicious), ignored values nested to any depth.
 */
class TranscoderLeniencyTest {
    private static final String HASH_07 = "0x" + "07".repeat(32);
    private static final String KEY_JSON = "{\"account\":{\"address\":\"0x000000000000000000000000000000000000800a\"},"
            + "\"key\":\"" + HASH_07 + "\"}";

    @TempDir
    Path tmp;

    @Test
    void repeatedUsedBytecodesKey_keepsTheLastValue_andIsWrittenOnce() throws Exception {
        String json = text(TranscoderErrorTest.sampleTree()).replace("\"used_bytecodes\":{",
                "\"used_bytecodes\":{\"0x10000A1B2C\":[" + bytes(1) + "," + bytes(2) + "],\"0x05\":[],");

        WitnessInputData stored = stored(json);

        Map<U256, List<Bytes32>> bytecodes = stored.vmRunData().usedBytecodes();
        assertThat(bytecodes).containsOnlyKeys(U256.of(0x10000a1b2cL), U256.of(5));
        assertThat(bytecodes.get(U256.of(0x10000a1b2cL))).containsExactly(Bytes32.fromHex(HASH_07));
        assertThat(bytecodes.get(U256.of(5))).isEmpty();
    }

    @Test
    void repeatedReadStorageKey_keepsTheLastValue_atTheFirstPlace() throws Exception {
        String other = "{\"account\":{\"address\":\"0x" + "11".repeat(20) + "\"},\"key\":\"" + HASH_07 + "\"}";
        String json = text(TranscoderErrorTest.sampleTree()).replaceFirst("\"read_storage_key\":\\[\\[.*?\\]\\]",
                "\"read_storage_key\":[[" + KEY_JSON + ",\"0x" + "01".repeat(32) + "\"],[" + other + ",\"0x"
                        + "02".repeat(32) + "\"],[" + KEY_JSON.replace("800a", "800A") + ",\"0x" + "03".repeat(32)
                        + "\"]]");

        List<WitnessStorageState.StorageRead> reads = stored(json).vmRunData().witnessBlockState().readStorageKey();

        assertThat(reads).extracting(r -> r.value().toHex())
                .containsExactly("0x" + "03".repeat(32), "0x" + "02".repeat(32));
        assertThat(reads.get(0).key().account().toHex()).isEqualTo("0x000000000000000000000000000000000000800a");
    }

    @Test
    void repeatedIsWriteInitialKey_keepsTheLastFlag() throws Exception {
        String json = text(TranscoderErrorTest.sampleTree()).replaceFirst("\"is_write_initial\":\\[\\[.*?\\]\\]",
                "\"is_write_initial\":[[" + KEY_JSON + ",false],[" + KEY_JSON + ",true]]");

        assertThat(stored(json).vmRunData().witnessBlockState().isWriteInitial())
                .singleElement().satisfies(w -> assertThat(w.initial()).isTrue());
    }

    @Test
    void blobsOfAnyLength_areStoredAsSent_andFlagged() throws Exception {
        ObjectNode tree = TranscoderErrorTest.sampleTree();
        ArrayNode blobs = (ArrayNode) tree.at("/Success/witness_input_data/eip_4844_blobs/blobs");
        ArrayNode short1000 = blobs.arrayNode();
        for (int i = 0; i < 1000; i++) {
            short1000.add(i % 256);
        }
        blobs.set(0, short1000);
        blobs.set(1, blobs.arrayNode());

        TranscodeResult result = transcode(text(tree));

        WitnessInputData stored = WitnessInputCodec.readBincode(tmp.resolve("out.bin"));
        assertThat(stored.eip4844Blobs().blob(0)).get().satisfies(b -> {
            assertThat(b).hasSize(1000);
            assertThat(b[999] & 0xFF).isEqualTo(999 % 256);
        });
        assertThat(stored.eip4844Blobs().blob(1)).get().satisfies(b -> assertThat(b).isEmpty());
        assertThat(((TranscodeResult.Batch) result).suspicions()).extracting(TranscodeResult.Suspicion::reason)
                .containsExactly("blob_length", "blob_length");
    }

    @Test
    void batchNumberDisagreeingWithTheWitness_isStoredUnderTheOuterNumber_andFlagged() throws Exception {
        ObjectNode tree = TranscoderErrorTest.sampleTree();
        ((ObjectNode) tree.at("/Success")).put("l1_batch_number", 8);

        TranscodeResult.Batch batch = (TranscodeResult.Batch) transcode(text(tree));

        assertThat(batch.l1BatchNumber()).isEqualTo(8);
        assertThat(batch.suspicions()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo("batch_number_mismatch");
            assertThat(s.detail()).contains("7", "8");
        });
        assertThat(WitnessInputCodec.readBincode(tmp.resolve("out.bin")).vmRunData().l1BatchNumber()).isEqualTo(7);
    }

    @Test
    void anIgnoredValueNestedTenThousandDeep_isSkipped_asSerdeIgnoresIt() throws Exception {
        String plain = text(TranscoderErrorTest.sampleTree());
        transcode(plain);
        byte[] expected = Files.readAllBytes(tmp.resolve("out.bin"));
        String deep = plain.replaceFirst("\\{\"Success\":\\{",
                "{\"Success\":{\"extra\":" + "[".repeat(10_000) + "{\"k\":1}"
                        + "]".repeat(10_000) + ",");

        assertThat(transcode(deep)).isInstanceOf(TranscodeResult.Batch.class);
        assertThat(Files.readAllBytes(tmp.resolve("out.bin"))).isEqualTo(expected);
    }

    private WitnessInputData stored(String json) throws Exception {
        assertThat(transcode(json)).isInstanceOf(TranscodeResult.Batch.class);
        return WitnessInputCodec.readBincode(tmp.resolve("out.bin"));
    }

    private TranscodeResult transcode(String json) {
        return new ProofGenerationDataTranscoder().transcode(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), tmp.resolve("out.bin"));
    }

    private static String text(ObjectNode tree) {
        return tree.toString();
    }

    private static String bytes(int value) {
        return "[" + String.join(",", Collections.nCopies(32, Integer.toString(value))) + "]";
    }
}
