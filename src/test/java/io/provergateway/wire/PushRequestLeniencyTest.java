package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What upstream's serde accepts, the push-mode transcoder accepts too (push-mode spec §2.3). */
class PushRequestLeniencyTest {
    @TempDir
    Path tmp;

    static ObjectNode golden() {
        return (ObjectNode) PushCborTestSupport.tree(PushGoldenVector.BODY.getBytes(StandardCharsets.UTF_8));
    }

    PushedBatch transcode(Consumer<ObjectNode> change) {
        ObjectNode body = golden();
        change.accept(body);
        byte[] json = PushCborTestSupport.text(body).getBytes(StandardCharsets.UTF_8);
        return PushRequestTranscoder.transcode(new ByteArrayInputStream(json), tmp.resolve("w.cbor"), tmp);
    }

    JsonNode written() throws Exception {
        return PushCborTestSupport.cborTree(Files.readAllBytes(tmp.resolve("w.cbor")));
    }

    @ParameterizedTest(name = "chain_id {0}")
    @CsvSource(delimiter = '|', value = {"270|270", "\"270\"|270", "\"0x10e\"|270", "\"10e\"|270", "\"010\"|10",
        "\"\"|0", "\"0x\"|0", "\"0xFFFF\"|65535", "4503599627370477|4503599627370477", "-0|0"})
    void chainIdForms(String json, long expected) {
        PushedBatch batch = transcode(b -> b.set("chain_id", PushCborTestSupport.tree(json.getBytes())));

        assertThat(batch.chainId()).isEqualTo(expected);
    }

    @Test
    void missingChainIdAndSealedAt_areZeroAndNull() {
        PushedBatch batch = transcode(b -> b.remove(java.util.List.of("chain_id", "batch_sealed_at")));

        assertThat(batch.chainId()).isZero();
        assertThat(batch.batchSealedAt()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2026-06-30T08:15:02Z|2026-06-30T08:15:02Z",
        "2026-06-30T08:15:02.123456Z|2026-06-30T08:15:02.123456Z",
        "2026-06-30 08:15:02.1234567891234+00:00|2026-06-30T08:15:02.123456789Z",
        "2026-6-30t8:15:2z|2026-06-30T08:15:02Z",
        "2026-06-30T10:15:02+0200|2026-06-30T08:15:02Z",
        "2026-06-30T03:15:02-05:00|2026-06-30T08:15:02Z",
        "2026-06-30T08:15:02 utc|2026-06-30T08:15:02Z",
        "2026 - 06 - 30T08 : 15 : 02 Z|2026-06-30T08:15:02Z",
        "+2026-06-30T08:15:02Z|2026-06-30T08:15:02Z",
        "2016-12-31T23:59:60.5Z|2017-01-01T00:00:00.5Z"})
    void batchSealedAtForms_asChronoParsesThem(String text, String expected) {
        PushedBatch batch = transcode(b -> b.put("batch_sealed_at", text));

        assertThat(batch.batchSealedAt()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void legacyVkKeyAndFflonkHash() {
        PushedBatch batch = transcode(b -> {
            ObjectNode config = b.putObject("l1_verifier_config");
            config.put("snark_wrapper_vk_hash", PushGoldenVector.H2);
            config.put("fflonk_snark_wrapper_vk_hash", PushGoldenVector.H3.substring(2));
        });

        assertThat(batch.snarkWrapperVkHash()).isEqualTo(Bytes32.fromHex(PushGoldenVector.H2));
        assertThat(batch.fflonkSnarkWrapperVkHash()).isEqualTo(Bytes32.fromHex(PushGoldenVector.H3));
    }

    @Test
    void fflonkHashMayBeMissing() {
        PushedBatch batch = transcode(b -> ((ObjectNode) b.get("l1_verifier_config"))
                .remove("fflonk_snark_wrapper_vk_hash"));

        assertThat(batch.fflonkSnarkWrapperVkHash()).isNull();
    }

    @Test
    void protocolVersionAsRustParsesIt() {
        assertThat(transcode(b -> b.put("protocol_version", "+0.029.+4")).protocolVersion())
                .isEqualTo(new ProtocolVersion(29, 4));
        assertThat(transcode(b -> b.put("protocol_version", "0.32.0")).protocolVersion())
                .isEqualTo(new ProtocolVersion(32, 0));
    }

    @Test
    void duplicateMapEntriesAreKeptInOrder_soASerdeReaderKeepsTheLast() throws Exception {
        String body = PushGoldenVector.BODY.replace("\"used_bytecodes\":{\"0x0001AB\":[" + PushGoldenVector.B + "]}",
                "\"used_bytecodes\":{\"0x1ab\":[],\"0x0001AB\":[" + PushGoldenVector.B + "]}");
        PushRequestTranscoder.transcode(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                tmp.resolve("w.cbor"), tmp);

        byte[] cbor = Files.readAllBytes(tmp.resolve("w.cbor"));
        String hex = PushCborTestSupport.hex(cbor);
        assertThat(hex).contains("a2" + "65" + PushCborTestSupport.ascii("0x1ab") + "80" + "65"
                + PushCborTestSupport.ascii("0x1ab") + "81");
        assertThat(written().at("/vm_run_data/used_bytecodes/0x1ab").size()).as("last value wins").isEqualTo(1);
    }

    @Test
    void blobsOfAnyLength_unitVariantObject_andDifferingInnerBatchNumber() throws Exception {
        transcode(b -> {
            ObjectNode vm = (ObjectNode) b.at("/witness_input_data/vm_run_data");
            vm.put("l1_batch_number", 8);
            vm.putObject("protocol_version").putNull("Version28");
            ArrayNode blobs = (ArrayNode) b.at("/witness_input_data/eip_4844_blobs/blobs");
            blobs.set(0, PushCborTestSupport.tree("[]".getBytes()));
        });

        JsonNode tree = written();
        assertThat(tree.at("/vm_run_data/l1_batch_number").asInt()).isEqualTo(8);
        assertThat(tree.at("/vm_run_data/protocol_version").asText()).isEqualTo("Version28");
        assertThat(tree.at("/eip_4844_blobs/blobs/0").isArray()).isTrue();
        assertThat(tree.at("/eip_4844_blobs/blobs/0").size()).isZero();
    }

    @Test
    void nullEvmHashIsLeftOut_andTheMapHasNineEntries() throws Exception {
        transcode(b -> ((ObjectNode) b.at("/witness_input_data/vm_run_data")).putNull("evm_emulator_code_hash"));

        byte[] cbor = Files.readAllBytes(tmp.resolve("w.cbor"));
        assertThat(PushCborTestSupport.hex(cbor)).startsWith("a4" + "6b" + PushCborTestSupport.ascii("vm_run_data")
                + "a9");
        assertThat(written().at("/vm_run_data").has("evm_emulator_code_hash")).isFalse();
    }
}
