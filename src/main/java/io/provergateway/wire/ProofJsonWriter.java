package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** serde_json rendering (compact, Rust field order) of {@link SubmitProofRequest} and the bellman proof. */
final class ProofJsonWriter {
    private final JsonGenerator out;

    ProofJsonWriter(JsonGenerator out) {
        this.out = out;
    }

    void request(SubmitProofRequest request) throws IOException {
        if (request instanceof SubmitProofRequest.Proof proof) {
            out.writeStartObject();
            out.writeFieldName("Proof");
            batchProof(proof.proof());
            out.writeEndObject();
        } else {
            out.writeString("SkippedProofGeneration");
        }
    }

    private void batchProof(L1BatchProof proof) throws IOException {
        out.writeStartObject();
        out.writeFieldName("aggregation_result_coords");
        out.writeStartArray();
        for (Bytes32 coord : proof.aggregationResultCoords()) {
            ProofGenerationDataJson.writeByteArray(out, coord.toArray());
        }
        out.writeEndArray();
        out.writeFieldName("scheduler_proof");
        finalProof(proof.schedulerProof());
        out.writeStringField("protocol_version", proof.protocolVersion().toString());
        out.writeEndObject();
    }

    void finalProof(FinalProof p) throws IOException {
        out.writeStartObject();
        out.writeFieldName("n");
        unsigned(p.n());
        elements("inputs", p.inputs());
        points("state_polys_commitments", p.statePolysCommitments());
        points("witness_polys_commitments", p.witnessPolysCommitments());
        point("copy_permutation_grand_product_commitment", p.copyPermutationGrandProductCommitment());
        optionalPoint("lookup_s_poly_commitment", p.lookupSPolyCommitment());
        optionalPoint("lookup_grand_product_commitment", p.lookupGrandProductCommitment());
        points("quotient_poly_parts_commitments", p.quotientPolyPartsCommitments());
        elements("state_polys_openings_at_z", p.statePolysOpeningsAtZ());
        dilated("state_polys_openings_at_dilations", p.statePolysOpeningsAtDilations());
        elements("witness_polys_openings_at_z", p.witnessPolysOpeningsAtZ());
        dilated("witness_polys_openings_at_dilations", p.witnessPolysOpeningsAtDilations());
        dilated("gate_setup_openings_at_z", p.gateSetupOpeningsAtZ());
        out.writeFieldName("gate_selectors_openings_at_z");
        out.writeStartArray();
        for (FinalProof.SelectorOpening s : p.gateSelectorsOpeningsAtZ()) {
            out.writeStartArray();
            unsigned(s.selectorIndex());
            element(s.value());
            out.writeEndArray();
        }
        out.writeEndArray();
        elements("copy_permutation_polys_openings_at_z", p.copyPermutationPolysOpeningsAtZ());
        element("copy_permutation_grand_product_opening_at_z_omega", p.copyPermutationGrandProductOpeningAtZOmega());
        optionalElement("lookup_s_poly_opening_at_z_omega", p.lookupSPolyOpeningAtZOmega());
        optionalElement("lookup_grand_product_opening_at_z_omega", p.lookupGrandProductOpeningAtZOmega());
        optionalElement("lookup_t_poly_opening_at_z", p.lookupTPolyOpeningAtZ());
        optionalElement("lookup_t_poly_opening_at_z_omega", p.lookupTPolyOpeningAtZOmega());
        optionalElement("lookup_selector_poly_opening_at_z", p.lookupSelectorPolyOpeningAtZ());
        optionalElement("lookup_table_type_poly_opening_at_z", p.lookupTableTypePolyOpeningAtZ());
        element("quotient_poly_opening_at_z", p.quotientPolyOpeningAtZ());
        element("linearization_poly_opening_at_z", p.linearizationPolyOpeningAtZ());
        point("opening_proof_at_z", p.openingProofAtZ());
        point("opening_proof_at_z_omega", p.openingProofAtZOmega());
        out.writeEndObject();
    }

    private void unsigned(long value) throws IOException {
        if (value >= 0) {
            out.writeNumber(value);
        } else {
            out.writeNumber(Long.toUnsignedString(value));
        }
    }

    private void element(FieldElement value) throws IOException {
        out.writeStartArray();
        for (int i = 0; i < 4; i++) {
            unsigned(value.limb(i));
        }
        out.writeEndArray();
    }

    private void element(String name, FieldElement value) throws IOException {
        out.writeFieldName(name);
        element(value);
    }

    private void optionalElement(String name, Optional<FieldElement> value) throws IOException {
        out.writeFieldName(name);
        if (value.isPresent()) {
            element(value.get());
        } else {
            out.writeNull();
        }
    }

    private void elements(String name, List<FieldElement> values) throws IOException {
        out.writeFieldName(name);
        out.writeStartArray();
        for (FieldElement value : values) {
            element(value);
        }
        out.writeEndArray();
    }

    private void dilated(String name, List<FinalProof.DilatedOpening> values) throws IOException {
        out.writeFieldName(name);
        out.writeStartArray();
        for (FinalProof.DilatedOpening d : values) {
            out.writeStartArray();
            unsigned(d.polyIndex());
            unsigned(d.dilation());
            element(d.value());
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    private void point(G1Point p) throws IOException {
        out.writeStartObject();
        element("x", p.x());
        element("y", p.y());
        out.writeBooleanField("infinity", p.infinity());
        out.writeEndObject();
    }

    private void point(String name, G1Point p) throws IOException {
        out.writeFieldName(name);
        point(p);
    }

    private void optionalPoint(String name, Optional<G1Point> p) throws IOException {
        out.writeFieldName(name);
        if (p.isPresent()) {
            point(p.get());
        } else {
            out.writeNull();
        }
    }

    private void points(String name, List<G1Point> values) throws IOException {
        out.writeFieldName(name);
        out.writeStartArray();
        for (G1Point p : values) {
            point(p);
        }
        out.writeEndArray();
    }
}
