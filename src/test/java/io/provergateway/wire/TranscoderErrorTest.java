package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscoderErrorTest {
    private static final String WITNESS = "/Success/witness_input_data";

    @TempDir
    Path tmp;

    @Test
    void shortRootHash_isRejectedWithItsPath() {
        assertRejected(t -> ((ArrayNode) t.at(WITNESS + "/merkle_paths/merkle_paths/0/root_hash")).remove(0),
                "$.Success.witness_input_data.merkle_paths.merkle_paths[0].root_hash: expected 32 bytes, got 31");
    }

    @Test
    void byteAbove255_isRejectedAtItsIndex() {
        assertRejected(t -> ((ArrayNode) t.at(WITNESS + "/vm_run_data/bootloader_code/0")).set(5, 256),
                "$.Success.witness_input_data.vm_run_data.bootloader_code[0][5]: expected u8 (0 to 255), got 256");
    }

    @Test
    void missingRequiredField_isNamed() {
        assertRejected(t -> ((ObjectNode) t.at(WITNESS + "/vm_run_data")).remove("storage_refunds"),
                "$.Success.witness_input_data.vm_run_data: missing field storage_refunds");
    }

    @Test
    void duplicateField_isRejected() {
        String json = json(sampleTree()).replace("\"is_write\":true,", "\"is_write\":true,\"is_write\":false,");
        assertThatThrownBy(() -> transcode(json)).isInstanceOf(MalformedPayloadException.class)
                .hasMessage("$.Success.witness_input_data.merkle_paths.merkle_paths[0].is_write: duplicate field "
                        + "is_write");
    }

    @Test
    void bothVerifierKeyNames_areADuplicate() {
        assertRejected(t -> ((ObjectNode) t.at("/Success/l1_verifier_config"))
                        .put("snark_wrapper_vk_hash", "0x" + "11".repeat(32)),
                "$.Success.l1_verifier_config.snark_wrapper_vk_hash: duplicate field snark_wrapper_vk_hash (also given "
                        + "as recursion_scheduler_level_vk_hash)");
    }

    @Test
    void unknownProtocolVersionId_isRejected() {
        assertRejected(t -> ((ObjectNode) t.at(WITNESS + "/vm_run_data")).put("protocol_version", "Version29"),
                "$.Success.witness_input_data.vm_run_data.protocol_version: unknown ProtocolVersionId \"Version29\" "
                        + "(known: Version0 to Version28)");
    }

    @Test
    void nonZeroMajorProtocolVersion_isRejected() {
        assertRejected(t -> ((ObjectNode) t.at("/Success")).put("protocol_version", "1.28.0"),
                "$.Success.protocol_version: protocol major version must be 0, got \"1.28.0\"");
    }

    @Test
    void shortH256_isRejected() {
        assertRejected(t -> ((ObjectNode) t.at(WITNESS + "/previous_batch_metadata")).put("meta_hash", "0x" + "1".repeat(63)),
                "$.Success.witness_input_data.previous_batch_metadata.meta_hash: expected 64 hex digits, got 63");
    }

    @Test
    void u256WithTooManyDigits_isRejected() {
        assertRejected(t -> ((ObjectNode) t.at(WITNESS + "/vm_run_data"))
                        .put("default_account_code_hash", "0x" + "1".repeat(65)),
                "$.Success.witness_input_data.vm_run_data.default_account_code_hash: expected 1 to 64 hex digits, got 65");
    }

    @Test
    void fifteenBlobSlots_areRejected() {
        assertRejected(t -> ((ArrayNode) t.at(WITNESS + "/eip_4844_blobs/blobs")).remove(0),
                "$.Success.witness_input_data.eip_4844_blobs.blobs: expected 16 blob slots, got 15");
    }

    @Test
    void negativeStorageRefund_isRejected() {
        assertRejected(t -> ((ArrayNode) t.at(WITNESS + "/vm_run_data/storage_refunds")).set(0, -1),
                "$.Success.witness_input_data.vm_run_data.storage_refunds[0]: expected u32 (0 to 4294967295), got the "
                        + "out-of-range number -1");
    }

    @Test
    void u64Maximum_isAccepted_butOneMoreIsNot() throws IOException {
        ObjectNode tree = sampleTree();
        ((ObjectNode) tree.at(WITNESS + "/merkle_paths")).put("next_enumeration_index",
                new BigInteger("18446744073709551615"));
        transcode(json(tree));
        assertThat(WitnessInputCodec.readBincode(tmp.resolve("out.bin")).merklePaths().nextEnumerationIndex())
                .isEqualTo(-1L);
        ((ObjectNode) tree.at(WITNESS + "/merkle_paths")).put("next_enumeration_index",
                new BigInteger("18446744073709551616"));
        assertThatThrownBy(() -> transcode(json(tree))).isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("$.Success.witness_input_data.merkle_paths.next_enumeration_index: expected u64");
    }

    @Test
    void nonCanonicalHexInput_isWrittenCanonically() throws IOException {
        ObjectNode tree = sampleTree();
        ObjectNode vm = (ObjectNode) tree.at(WITNESS + "/vm_run_data");
        vm.put("default_account_code_hash", "00000ABCdef");
        vm.put("evm_emulator_code_hash", "0x0000");
        ((ObjectNode) tree.at(WITNESS + "/previous_batch_metadata")).put("root_hash", "AB".repeat(32));
        transcode(json(tree));
        WitnessInputData read = WitnessInputCodec.readBincode(tmp.resolve("out.bin"));
        assertThat(read.vmRunData().defaultAccountCodeHash().toHex()).isEqualTo("0xabcdef");
        assertThat(read.vmRunData().evmEmulatorCodeHash()).contains(U256.ZERO);
        assertThat(read.previousBatchMetadata().rootHash().toHex()).isEqualTo("0x" + "ab".repeat(32));
    }

    @Test
    void nullEvmHash_isTheSameAsAbsent() throws IOException {
        ObjectNode tree = sampleTree();
        ((ObjectNode) tree.at(WITNESS + "/vm_run_data")).putNull("evm_emulator_code_hash");
        transcode(json(tree));
        byte[] withNull = Files.readAllBytes(tmp.resolve("out.bin"));
        ((ObjectNode) tree.at(WITNESS + "/vm_run_data")).remove("evm_emulator_code_hash");
        transcode(json(tree));
        assertThat(Files.readAllBytes(tmp.resolve("out.bin"))).isEqualTo(withNull);
    }

    @Test
    void snarkWrapperVkHashName_isAccepted() throws IOException {
        ObjectNode tree = sampleTree();
        ObjectNode config = (ObjectNode) tree.at("/Success/l1_verifier_config");
        config.remove("recursion_scheduler_level_vk_hash");
        config.put("snark_wrapper_vk_hash", "0x" + "22".repeat(32));
        TranscodeResult result = transcode(json(tree));
        assertThat(((TranscodeResult.Batch) result).snarkWrapperVkHash()).isEqualTo(Bytes32.fromHex("22".repeat(32)));
    }

    @Test
    void successNull_isNoBatch_andErrorIsCoreError() throws IOException {
        assertThat(transcode("{\"Success\":null}")).isEqualTo(new TranscodeResult.NoBatch());
        assertThat(transcode("{\"Error\":\"boom\"}")).isEqualTo(new TranscodeResult.CoreError("boom"));
    }

    @Test
    void unknownVariantsAndExtraKeys_areRejected() {
        assertThatThrownBy(() -> transcode("{\"Maybe\":null}")).hasMessage(
                "$.Maybe: unknown variant Maybe, expected Success or Error");
        assertThatThrownBy(() -> transcode("{\"Success\":null,\"Error\":\"x\"}"))
                .isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> transcode("\"Success\"")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> transcode("{\"Success\":null} x")).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void brokenJson_isMalformed() {
        for (String text : List.of("", "not json", "{\"Success\":{\"l1_batch_number\":", "{\"Error\":\"\u00ff",
                "[1,2]", "{\"Success\":null,}")) {
            assertThatThrownBy(() -> transcode(text)).as(text).isInstanceOf(MalformedPayloadException.class);
        }
        byte[] invalidUtf8 = {'{', '"', 'E', 'r', 'r', 'o', 'r', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> new ProofGenerationDataTranscoder().transcode(new ByteArrayInputStream(invalidUtf8),
                tmp.resolve("out.bin"))).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void transportFailure_propagatesAsUncheckedIoException() {
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served < 5) {
                    return "{\"Su".charAt(Math.min(served++, 3));
                }
                throw new SocketTimeoutException("read timed out");
            }
        };
        assertThatThrownBy(() -> new ProofGenerationDataTranscoder().transcode(failing, tmp.resolve("out.bin")))
                .isInstanceOf(UncheckedIOException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
    }

    private void assertRejected(Consumer<ObjectNode> change, String message) {
        ObjectNode tree = sampleTree();
        change.accept(tree);
        assertThatThrownBy(() -> transcode(json(tree))).isInstanceOf(MalformedPayloadException.class)
                .hasMessage(message);
    }

    private TranscodeResult transcode(String json) throws IOException {
        return new ProofGenerationDataTranscoder().transcode(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), tmp.resolve("out.bin"));
    }

    private static String json(JsonNode tree) {
        return tree.toString();
    }

    /** A payload with one item in every list, batch 7. */
    static ObjectNode sampleTree() {
        Bytes32 hash = Bytes32.fromHex("0x" + "07".repeat(32));
        WitnessStorageState.StorageKey key = new WitnessStorageState.StorageKey(
                Address.fromHex("0x000000000000000000000000000000000000800a"), hash);
        VmRunWitnessInputData vm = new VmRunWitnessInputData(7, Map.of(U256.of(0x10000a1b2cL), List.of(hash)),
                List.of(new VmRunWitnessInputData.HeapEntry(1, U256.of(30))), 28, List.of(hash), U256.of(0x100055),
                Optional.empty(), List.of(5000L), List.of(-12), new WitnessStorageState(
                        List.of(new WitnessStorageState.StorageRead(key, hash)),
                        List.of(new WitnessStorageState.InitialWrite(key, false))));
        WitnessInputMerklePaths paths = new WitnessInputMerklePaths(List.of(
                new WitnessInputMerklePaths.StorageLogMetadata(hash, true, false, List.of(hash), U256.of(17), 17,
                        hash, Bytes32.ZERO)), 55);
        WitnessInputData witness = new WitnessInputData(vm, paths, new L1BatchMetadataHashes(hash, hash, hash),
                Eip4844Blobs.empty());
        byte[] json = TranscoderRoundTripTest.json(
                new ProofGenerationData(7, witness, new ProtocolVersion(28, 0), hash));
        try {
            return (ObjectNode) JsonShuffler.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
