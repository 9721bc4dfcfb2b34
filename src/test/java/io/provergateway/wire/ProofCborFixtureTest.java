package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link ProofCbor} on the upstream HEAD fixtures (push-mode spec §7), read in place. */
class ProofCborFixtureTest {
    private static final String FFLONK_CBOR = "upstream-head/l1_batch_proof_1_0_27_0.cbor";
    private static final String FFLONK_JSON = "upstream-head/derived/json_l1_batch_proof_from_l1_batch_proof_1_0_27_0.json";
    private static final String PLONK_REQUEST = "upstream-head/job_serialization-submit_proof_request-empty-plonk.json";
    private static final String PLONK_PROOF = "upstream-airbender-snark_wrapper_proof.json";

    @Test
    void realFflonkBlob_rendersToTheDerivedJsonByteForByte() {
        byte[] cbor = Fixtures.read(FFLONK_CBOR);
        String expected = new String(Fixtures.read(FFLONK_JSON), StandardCharsets.UTF_8).strip();

        String json = new String(ProofCbor.toJson(cbor), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo(expected);
        assertThat(json).startsWith("{\"aggregation_result_coords\":[[7,62,").endsWith("\"_c\":null},"
                + "\"protocol_version\":\"0.27.0\"}");
    }

    @Test
    void realFflonkBlob_reEncodesFromItsJsonByteForByte() {
        byte[] cbor = Fixtures.read(FFLONK_CBOR);

        byte[] again = ProofCbor.fromJson(ProofCbor.toJson(cbor));

        ByteAssertions.assertSameBytes(again, cbor, FFLONK_CBOR);
        ByteAssertions.assertSameBytes(PushCborTestSupport.canonical(PushCborTestSupport.cborTree(cbor)), cbor,
                "the fixture is in the canonical form the test re-encoder writes");
    }

    @Test
    void writeJson_leavesBothStreamsOpen() {
        boolean[] closed = new boolean[2];
        var in = new java.io.ByteArrayInputStream(Fixtures.read(FFLONK_CBOR)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        var out = new java.io.ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[1] = true;
            }
        };

        ProofCbor.writeJson(in, out);

        assertThat(out.size()).isPositive();
        assertThat(closed).containsExactly(false, false);
    }

    @Test
    void realFflonkBlob_hasUnsignedLimbsAbove2To63() {
        String json = new String(ProofCbor.toJson(Fixtures.read(FFLONK_CBOR)), StandardCharsets.UTF_8);

        assertThat(json).contains("[5735328155997120006,16881648302670631389,8761756327287458500,3098999989]");
    }

    @Test
    void upstreamEmptyPlonkLiteral_roundTripsThroughCborAsCompactSerdeJson() throws Exception {
        JsonNode request = PushCborTestSupport.tree(Fixtures.read(PLONK_REQUEST));
        JsonNode body = request.get("Proof");
        String compact = PushCborTestSupport.text(body);

        byte[] cbor = ProofCbor.fromJson(compact.getBytes(StandardCharsets.UTF_8));

        assertThat(PushCborTestSupport.hex(cbor)).startsWith("a165" + PushCborTestSupport.ascii("inner") + "a165"
                + PushCborTestSupport.ascii("Plonk"));
        assertThat(new String(ProofCbor.toJson(cbor), StandardCharsets.UTF_8)).isEqualTo(compact);
    }

    @Test
    void realSerdeJsonPlonkProof_roundTripsAsAPlonkBody() throws Exception {
        JsonNode proof = PushCborTestSupport.tree(Fixtures.read(PLONK_PROOF));
        ObjectNode body = PushCborTestSupport.JSON.createObjectNode();
        body.set("aggregation_result_coords", PushCborTestSupport.tree(coords()));
        body.set("scheduler_proof", proof);
        body.put("protocol_version", "0.29.4");
        String compact = PushCborTestSupport.text(body);

        byte[] cbor = ProofCbor.fromJson(compact.getBytes(StandardCharsets.UTF_8));

        assertThat(PushCborTestSupport.cborTree(cbor).at("/inner/Plonk/scheduler_proof/n").asLong())
                .isEqualTo(proof.get("n").asLong());
        assertThat(new String(ProofCbor.toJson(cbor), StandardCharsets.UTF_8)).isEqualTo(compact);
    }

    static byte[] coords() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < 4; i++) {
            out.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < 32; j++) {
                out.append(j == 0 ? "" : ",").append((i * 32 + j * 7) % 256);
            }
            out.append(']');
        }
        return out.append(']').toString().getBytes(StandardCharsets.US_ASCII);
    }
}
