package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated PLONK, FFLONK and Airbender proofs through {@link ProofCbor}, checked with an independent decoder. */
class ProofCborRoundTripTest {
    private static final String[] PLONK_FIELDS = {"n", "inputs", "state_polys_commitments",
        "witness_polys_commitments", "copy_permutation_grand_product_commitment", "lookup_s_poly_commitment",
        "lookup_grand_product_commitment", "quotient_poly_parts_commitments", "state_polys_openings_at_z",
        "state_polys_openings_at_dilations", "witness_polys_openings_at_z", "witness_polys_openings_at_dilations",
        "gate_setup_openings_at_z", "gate_selectors_openings_at_z", "copy_permutation_polys_openings_at_z",
        "copy_permutation_grand_product_opening_at_z_omega", "lookup_s_poly_opening_at_z_omega",
        "lookup_grand_product_opening_at_z_omega", "lookup_t_poly_opening_at_z", "lookup_t_poly_opening_at_z_omega",
        "lookup_selector_poly_opening_at_z", "lookup_table_type_poly_opening_at_z", "quotient_poly_opening_at_z",
        "linearization_poly_opening_at_z", "opening_proof_at_z", "opening_proof_at_z_omega"};

    private final ObjectNode nodes = PushCborTestSupport.JSON.createObjectNode();
    private Random random;

    private ArrayNode limbs(BigInteger modulus) {
        BigInteger value = new BigInteger(256, random).mod(modulus);
        FieldElement f = FieldElement.of(value);
        ArrayNode out = nodes.arrayNode();
        for (int i = 0; i < 4; i++) {
            out.add(new BigInteger(Long.toUnsignedString(f.limb(i))));
        }
        return out;
    }

    private ObjectNode g1() {
        ObjectNode p = nodes.objectNode();
        p.set("x", limbs(FieldElement.FQ_MODULUS));
        p.set("y", limbs(FieldElement.FQ_MODULUS));
        p.put("infinity", random.nextInt(5) == 0);
        return p;
    }

    private ArrayNode list(java.util.function.Supplier<JsonNode> item) {
        ArrayNode out = nodes.arrayNode();
        for (int i = random.nextInt(5); i > 0; i--) {
            out.add(item.get());
        }
        return out;
    }

    private JsonNode fr() {
        return limbs(FieldElement.FR_MODULUS);
    }

    private JsonNode opening(boolean dilated) {
        ArrayNode t = nodes.arrayNode().add(random.nextInt(10));
        if (dilated) {
            t.add(random.nextInt(3));
        }
        return t.add(fr());
    }

    private ObjectNode body(JsonNode proof) {
        ObjectNode body = nodes.objectNode();
        ArrayNode coords = body.putArray("aggregation_result_coords");
        for (int i = 0; i < 4; i++) {
            ArrayNode c = coords.addArray();
            for (int j = 0; j < 32; j++) {
                c.add(random.nextInt(256));
            }
        }
        body.set("scheduler_proof", proof);
        body.put("protocol_version", "0." + random.nextInt(33) + "." + random.nextInt(10));
        return body;
    }

    private ObjectNode plonk() {
        ObjectNode p = nodes.objectNode();
        for (String f : PLONK_FIELDS) {
            boolean lookup = f.startsWith("lookup_");
            if (lookup && random.nextBoolean()) {
                p.putNull(f);
            } else if (f.equals("n")) {
                p.put(f, random.nextBoolean() ? random.nextInt(1 << 26) : Long.MAX_VALUE);
            } else if (f.endsWith("_commitments")) {
                p.set(f, list(this::g1));
            } else if (f.endsWith("_commitment") || f.startsWith("opening_proof")) {
                p.set(f, g1());
            } else if (f.endsWith("_dilations") || f.equals("gate_setup_openings_at_z")) {
                p.set(f, list(() -> opening(true)));
            } else if (f.equals("gate_selectors_openings_at_z")) {
                p.set(f, list(() -> opening(false)));
            } else if (f.endsWith("s_at_z") || f.equals("inputs")) {
                p.set(f, list(this::fr));
            } else {
                p.set(f, fr());
            }
        }
        return p;
    }

    private ObjectNode fflonk() {
        ObjectNode p = nodes.objectNode();
        p.put("n", random.nextInt(1 << 24));
        p.set("inputs", list(this::fr));
        p.set("commitments", list(this::g1));
        p.set("evaluations", list(this::fr));
        p.set("lagrange_basis_inverses", list(this::fr));
        p.putNull("_c");
        return p;
    }

    private static byte[] bytes(JsonNode node) {
        return PushCborTestSupport.text(node).getBytes(StandardCharsets.UTF_8);
    }

    private void assertRoundTrip(ObjectNode body, String variant) {
        byte[] cbor = ProofCbor.fromJson(bytes(body));

        JsonNode decoded = PushCborTestSupport.cborTree(cbor);
        assertThat(decoded.size()).isEqualTo(1);
        assertThat(decoded.get("inner").fieldNames().next()).isEqualTo(variant);
        assertThat(PushCborTestSupport.text(decoded.get("inner").get(variant))).isEqualTo(PushCborTestSupport.text(body));
        ByteAssertions.assertSameBytes(PushCborTestSupport.canonical(decoded), cbor, "ciborium form");
        assertThat(new String(ProofCbor.toJson(cbor), StandardCharsets.UTF_8)).isEqualTo(PushCborTestSupport.text(body));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void generatedPlonkAndFflonkProofs_roundTrip(long seed) {
        random = new Random(seed);
        assertRoundTrip(body(plonk()), "Plonk");
        assertRoundTrip(body(fflonk()), "Fflonk");
    }

    @Test
    void airbenderBody_roundTrips() {
        random = new Random(9);
        ObjectNode body = nodes.objectNode();
        ArrayNode proof = body.putArray("proof");
        for (int i = 0; i < 100; i++) {
            proof.add(random.nextInt(256));
        }
        body.put("protocol_version", "0.29.1");

        assertRoundTrip(body, "Airbender");
    }

    @Test
    void missingPlonkOptionsAreNone_andUnknownKeysAreDropped() {
        random = new Random(11);
        ObjectNode body = body(plonk());
        ObjectNode proof = (ObjectNode) body.get("scheduler_proof");
        proof.remove("lookup_s_poly_commitment");
        proof.put("extra", 1);
        body.put("unknown", "x");

        String json = new String(ProofCbor.toJson(ProofCbor.fromJson(bytes(body))), StandardCharsets.UTF_8);

        assertThat(json).contains("\"lookup_s_poly_commitment\":null").doesNotContain("extra").doesNotContain("unknown");
    }

    @Test
    void tolerantCborForms_renderCanonically() throws Exception {
        random = new Random(12);
        ObjectNode body = body(fflonk());
        ObjectNode stored = nodes.objectNode();
        stored.putObject("inner").set("Fflonk", body);
        // jackson-dataformat-cbor writes indefinite-length arrays and maps; reorder keys too.
        ObjectNode reordered = nodes.objectNode();
        reordered.set("protocol_version", body.get("protocol_version"));
        reordered.set("scheduler_proof", body.get("scheduler_proof"));
        reordered.set("aggregation_result_coords", body.get("aggregation_result_coords"));
        stored.putObject("inner").set("Fflonk", reordered);
        byte[] indefinite = PushCborTestSupport.CBOR.writeValueAsBytes(stored);
        assertThat(indefinite).contains((byte) 0x9f);

        assertThat(new String(ProofCbor.toJson(indefinite), StandardCharsets.UTF_8))
                .isEqualTo(PushCborTestSupport.text(body));
    }

    @Test
    void refusals_nameThePath() {
        random = new Random(13);
        ObjectNode fflonk = body(fflonk());
        ((ObjectNode) fflonk.get("scheduler_proof")).remove("_c");
        ObjectNode plonk = body(plonk());
        ((ArrayNode) plonk.get("scheduler_proof").get("quotient_poly_opening_at_z")).set(3,
                new BigInteger("18446744073709551615"));

        assertThatThrownBy(() -> ProofCbor.fromJson(bytes(fflonk))).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("did not match any variant")
                .hasMessageContaining("Fflonk: $.scheduler_proof: missing field _c");
        assertThatThrownBy(() -> ProofCbor.fromJson(bytes(plonk)))
                .hasMessageContaining("Plonk: $.scheduler_proof.quotient_poly_opening_at_z: Fr element not below");
        assertThatThrownBy(() -> ProofCbor.fromJson("{\"a\":1} x".getBytes()))
                .isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void brokenBlobs_areRefusedWithTheirLocation() {
        random = new Random(14);
        byte[] good = ProofCbor.fromJson(bytes(body(fflonk())));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 5);
        byte[] otherVariant = ProofCbor.fromJson(bytes(body(plonk())));
        otherVariant[1 + 1 + 5 + 1 + 1] = 'Q';

        assertThatThrownBy(() -> ProofCbor.toJson(truncated)).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("CBOR byte");
        assertThatThrownBy(() -> ProofCbor.toJson(otherVariant)).hasMessageContaining("$.inner: unknown variant");
        assertThatThrownBy(() -> ProofCbor.toJson(new byte[] {(byte) 0xa0})).hasMessageContaining("missing field inner");
    }

    @Test
    void aBlobRefusedPartWay_writesNothing() {
        random = new Random(15);
        ObjectNode body = body(fflonk());
        ArrayNode evaluations = (ArrayNode) body.get("scheduler_proof").get("evaluations");
        evaluations.add(limbs(FieldElement.FR_MODULUS));
        byte[] cbor = ProofCbor.fromJson(bytes(body));
        // make the last limb of the last evaluation u64::MAX (an Fr above the modulus); it sits late in the blob
        JsonNode tree = PushCborTestSupport.cborTree(cbor);
        ArrayNode last = (ArrayNode) tree.at("/inner/Fflonk/scheduler_proof/evaluations").get(evaluations.size() - 1);
        last.set(3, new BigInteger("18446744073709551615"));
        byte[] broken = PushCborTestSupport.canonical(tree);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        assertThatThrownBy(() -> ProofCbor.writeJson(new java.io.ByteArrayInputStream(broken), out))
                .hasMessageContaining("evaluations[" + (evaluations.size() - 1) + "]: Fr element not below");
        assertThat(out.size()).isZero();
    }
}
