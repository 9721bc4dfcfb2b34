package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProofCodecValidationTest {
    private static final String AIRBENDER = "upstream-airbender-snark_wrapper_proof.json";

    @Test
    void proofJson_inAnyFieldOrderWithUnknownFields_readsTheSameProof() throws Exception {
        byte[] json = Fixtures.read(AIRBENDER);
        ObjectNode tree = (ObjectNode) JsonShuffler.MAPPER.readTree(json);
        List<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = new ArrayList<>(tree.properties());
        Collections.reverse(fields);
        ObjectNode reordered = JsonShuffler.MAPPER.createObjectNode().put("extra", "ignored");
        fields.forEach(f -> reordered.set(f.getKey(), f.getValue()));

        assertThat(readProof(reordered.toString())).isEqualTo(readProof(new String(json, StandardCharsets.UTF_8)));
    }

    @Test
    void proofJson_duplicateField_isRejected() {
        String json = new String(Fixtures.read(AIRBENDER), StandardCharsets.UTF_8).replaceFirst("\\{\"n\":", "{\"n\":1,\"n\":");
        assertThatThrownBy(() -> readProof(json)).isInstanceOf(MalformedPayloadException.class)
                .hasMessage("$.n: duplicate field n");
    }

    @Test
    void proofJson_scalarNotBelowFrModulus_isRejected() throws Exception {
        ObjectNode tree = (ObjectNode) JsonShuffler.MAPPER.readTree(Fixtures.read(AIRBENDER));
        FieldElement r = FieldElement.of(FieldElement.FR_MODULUS);
        ArrayNode limbs = tree.putArray("quotient_poly_opening_at_z");
        for (int i = 0; i < 4; i++) {
            limbs.add(new BigInteger(Long.toUnsignedString(r.limb(i))));
        }
        assertThatThrownBy(() -> readProof(tree.toString())).isInstanceOf(MalformedPayloadException.class)
                .hasMessage("$.quotient_poly_opening_at_z: field element not below its modulus");
    }

    @Test
    void proofJson_missingField_isRejected() throws Exception {
        ObjectNode tree = (ObjectNode) JsonShuffler.MAPPER.readTree(Fixtures.read(AIRBENDER));
        tree.remove("opening_proof_at_z");
        assertThatThrownBy(() -> readProof(tree.toString())).hasMessage("$: missing field opening_proof_at_z");
    }

    @Test
    void batchProofBincode_invalidOptionTag_isRejectedWithItsOffset() {
        byte[] bin = Fixtures.read("l1_batch_proof_1_0_24_0.bin").clone();
        FinalProof proof = ProofCodec.readBincode(new ByteArrayInputStream(bin)).schedulerProof();
        int tagOffset = 128 + 8 + 8 + 32 * proof.inputs().size() + 8 + 65 * proof.statePolysCommitments().size() + 8
                + 65 * proof.witnessPolysCommitments().size() + 65;
        bin[tagOffset] = 2;
        assertThatThrownBy(() -> ProofCodec.readBincode(new ByteArrayInputStream(bin)))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("bincode offset " + tagOffset + ": lookup_s_poly_commitment: invalid Option tag 2");
    }

    @Test
    void batchProofBincode_truncated_isRejected() {
        byte[] bin = Fixtures.read("l1_batch_proof_1_0_24_0.bin");
        for (int cut : new int[] {0, 100, 140, 1000, 1716}) {
            assertThatThrownBy(() -> ProofCodec.readBincode(new ByteArrayInputStream(java.util.Arrays.copyOf(bin, cut))))
                    .as("cut at %d", cut).isInstanceOf(MalformedPayloadException.class);
        }
    }

    @Test
    void witnessBincode_hugeLength_isRejectedBeforeAllocating() {
        byte[] bytes = new byte[32];
        bytes[4] = (byte) 0xFF;
        bytes[9] = 0x7F;
        assertThatThrownBy(() -> WitnessInputCodec.readBincode(bytes)).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("exceeds the remaining");
    }

    @Test
    void witnessBincode_nonCanonicalHexText_isRejected() {
        WitnessInputData data = new WitnessInputGenerator(5, 1, 0).proofGenerationData().witnessInputData();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WitnessInputCodec.writeBincode(data, out);
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("0x", text.length() - 16 * 1 - 1);
        bytes[at + 2] = 'A';
        assertThatThrownBy(() -> WitnessInputCodec.readBincode(bytes)).isInstanceOf(MalformedPayloadException.class);
    }

    private static FinalProof readProof(String json) {
        return ProofCodec.readFinalProofJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
