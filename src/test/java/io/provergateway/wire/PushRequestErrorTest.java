package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies upstream refuses are refused, naming the JSON path; syntax (400) apart from shape (422). */
class PushRequestErrorTest {
    private static final String W = "$.witness_input_data";

    @TempDir
    Path tmp;

    MalformedPayloadException refused(byte[] body) {
        MalformedPayloadException e = catchThrowableOfType(MalformedPayloadException.class,
                () -> PushRequestTranscoder.transcode(new ByteArrayInputStream(body), tmp.resolve("w.cbor"), tmp));
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    MalformedPayloadException refused(Consumer<ObjectNode> change) {
        ObjectNode body = PushRequestLeniencyTest.golden();
        change.accept(body);
        return refused(PushCborTestSupport.text(body).getBytes(StandardCharsets.UTF_8));
    }

    void assertShape(MalformedPayloadException e, String location, String problem) {
        assertThat(e).isNotInstanceOf(PushRequestSyntaxException.class);
        assertThat(e.location()).isEqualTo(location);
        assertThat(e.problem()).contains(problem);
    }

    ObjectNode vm(ObjectNode body) {
        return (ObjectNode) body.at("/witness_input_data/vm_run_data");
    }

    @Test
    void syntaxErrors_emptyBody_truncation_andTrailingData_areSyntax() {
        byte[] golden = PushGoldenVector.BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(refused(new byte[0])).isInstanceOf(PushRequestSyntaxException.class);
        assertThat(refused("  ".getBytes())).isInstanceOf(PushRequestSyntaxException.class);
        assertThat(refused(java.util.Arrays.copyOf(golden, golden.length - 3)))
                .isInstanceOf(PushRequestSyntaxException.class);
        assertThat(refused((PushGoldenVector.BODY + " {}").getBytes())).isInstanceOf(PushRequestSyntaxException.class)
                .hasMessageContaining("trailing");
        MalformedPayloadException e = refused(PushGoldenVector.BODY.replace("\"is_write\":true",
                "\"is_write\":tru").getBytes());
        assertThat(e).isInstanceOf(PushRequestSyntaxException.class);
        assertThat(e.location()).isEqualTo(W + ".merkle_paths.merkle_paths[0].is_write");
    }

    @Test
    void tooManyItemsInAFixedArray_isSyntax_asSerdeJsonsTrailingCharacters() {
        MalformedPayloadException e = refused(b -> ((ArrayNode) b.at(
                "/witness_input_data/merkle_paths/merkle_paths/0/value_written")).add(0));

        assertThat(e).isInstanceOf(PushRequestSyntaxException.class);
        assertThat(e.location()).isEqualTo(W + ".merkle_paths.merkle_paths[0].value_written[32]");
    }

    @Test
    void tooFewItems_isShape() {
        assertShape(refused(b -> ((ArrayNode) b.at("/witness_input_data/merkle_paths/merkle_paths/0/value_read"))
                .remove(0)), W + ".merkle_paths.merkle_paths[0].value_read", "expected 32 bytes, got 31");
        assertShape(refused(b -> ((ArrayNode) b.at("/witness_input_data/eip_4844_blobs/blobs")).remove(0)),
                W + ".eip_4844_blobs.blobs", "expected 16 blob slots, got 15");
    }

    @Test
    void wrongTypesAndRanges_nameTheValue() {
        assertShape(refused(b -> ((ArrayNode) vm(b).get("storage_refunds")).set(1, "x")),
                W + ".vm_run_data.storage_refunds[1]", "u32");
        assertShape(refused(b -> ((ArrayNode) vm(b).get("pubdata_costs")).set(0, 1L << 31)),
                W + ".vm_run_data.pubdata_costs[0]", "i32");
        assertShape(refused(b -> ((ArrayNode) b.at("/witness_input_data/merkle_paths/merkle_paths/0/root_hash"))
                .set(3, 256)), W + ".merkle_paths.merkle_paths[0].root_hash[3]", "u8");
        assertShape(refused(b -> b.put("l1_batch_number", 1L << 32)), "$.l1_batch_number", "u32");
    }

    @Test
    void badHex_namesTheField() {
        assertShape(refused(b -> ((ObjectNode) b.at("/witness_input_data/previous_batch_metadata"))
                .put("meta_hash", "0x" + "zz".repeat(32))), W + ".previous_batch_metadata.meta_hash", "hex");
        assertShape(refused(b -> vm(b).put("default_account_code_hash", "0x" + "1".repeat(65))),
                W + ".vm_run_data.default_account_code_hash", "hex digits");
        assertShape(refused(b -> ((ObjectNode) b.get("l1_verifier_config")).put("fflonk_snark_wrapper_vk_hash", "0x12")),
                "$.l1_verifier_config.fflonk_snark_wrapper_vk_hash", "hex digits");
    }

    @Test
    void unknownProtocolVersions() {
        assertShape(refused(b -> b.put("protocol_version", "0.33.0")), "$.protocol_version", "unknown protocol minor");
        assertShape(refused(b -> b.put("protocol_version", "1.29.0")), "$.protocol_version", "major");
        assertShape(refused(b -> b.put("protocol_version", "0.29")), "$.protocol_version", "0.<minor>.<patch>");
        assertShape(refused(b -> vm(b).put("protocol_version", "Version33")), W + ".vm_run_data.protocol_version",
                "unknown ProtocolVersionId");
    }

    @ParameterizedTest(name = "chain_id {0}")
    @ValueSource(strings = {"-1", "4503599627370478", "18446744073709551616", "270.0", "\"-1\"", "\"0X10\"",
        "\"0x10000000000000000\"", "null", "true", "[270]"})
    void badChainIds(String json) {
        assertShape(refused(b -> b.set("chain_id", PushCborTestSupport.tree(json.getBytes()))), "$.chain_id", "");
    }

    @ParameterizedTest(name = "batch_sealed_at {0}")
    @ValueSource(strings = {"2026-06-30", "2026-06-30T08:15:02", "2026-02-30T00:00:00Z", "2026-06-30T24:00:00Z",
        "2026-06-30T08:15:02+24:00", "2026-06-30T08:15:02+01:60", "2026-06-30T08:15:02.Z", "2026-06-30X08:15:02Z",
        "20260-06-30T08:15:02Z", "2026-06-30T08:15:02Z x", "1718000000"})
    void badDates(String text) {
        assertShape(refused(b -> b.put("batch_sealed_at", text)), "$.batch_sealed_at", "");
    }

    @Test
    void nullDateAndMissingFields() {
        assertShape(refused(b -> b.putNull("batch_sealed_at")), "$.batch_sealed_at", "RFC 3339");
        assertShape(refused(b -> b.remove("l1_verifier_config")), "$", "missing field l1_verifier_config");
        assertShape(refused(b -> ((ObjectNode) b.get("witness_input_data")).remove("merkle_paths")), W,
                "missing field merkle_paths");
        assertShape(refused(b -> vm(b).remove("witness_block_state")), W + ".vm_run_data",
                "missing field witness_block_state");
    }

    @Test
    void duplicateKeys_includingTheVkHashUnderBothNames() {
        String both = PushGoldenVector.BODY.replace("\"fflonk_snark_wrapper_vk_hash\":null",
                "\"snark_wrapper_vk_hash\":\"" + PushGoldenVector.H2 + "\"");
        assertShape(refused(both.getBytes()), "$.l1_verifier_config.snark_wrapper_vk_hash", "duplicate field");
        String twice = PushGoldenVector.BODY.replace("\"chain_id\":\"270\"", "\"chain_id\":1,\"chain_id\":2");
        assertShape(refused(twice.getBytes()), "$.chain_id", "duplicate field chain_id");
    }

    @Test
    void aRefusedBodyLeavesNoSpillFiles() throws Exception {
        refused(b -> ((ArrayNode) b.at("/witness_input_data/eip_4844_blobs/blobs")).remove(0));

        try (var files = Files.list(tmp)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".spill"))).isEmpty();
        }
    }

    @Test
    void aFailingInputStreamIsATransportFailure() {
        java.io.InputStream broken = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> PushRequestTranscoder.transcode(broken, tmp.resolve("w.cbor"), tmp))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }
}
