package io.provergateway.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** bincode of the bellman {@code Proof} and {@code L1BatchProofForL1} (spec §2.4, §5.4). */
final class FinalProofBincode {
    private static final int FR_BYTES = 32;
    private static final int G1_BYTES = 65;

    private FinalProofBincode() {}

    static L1BatchProof readBatchProof(BincodeReader in) {
        List<Bytes32> coords = new ArrayList<>();
        for (int i = 0; i < L1BatchProof.COORDS; i++) {
            coords.add(in.raw32("aggregation_result_coords[" + i + "]"));
        }
        FinalProof proof = readProof(in);
        int at = in.offset();
        String version = in.str("protocol_version");
        try {
            return new L1BatchProof(coords, proof, ProtocolVersion.parse(version));
        } catch (IllegalArgumentException e) {
            throw in.error(at, "protocol_version: " + e.getMessage());
        }
    }

    static void writeBatchProof(L1BatchProof proof, BincodeWriter out) {
        proof.aggregationResultCoords().forEach(out::raw32);
        writeProof(proof.schedulerProof(), out);
        out.str(proof.protocolVersion().toString());
    }

    static FinalProof readProof(BincodeReader in) {
        return new FinalProof(
                in.u64("n"),
                list(in, "inputs", FR_BYTES, r -> fr(r, "inputs")),
                list(in, "state_polys_commitments", G1_BYTES, r -> r.g1("state_polys_commitments")),
                list(in, "witness_polys_commitments", G1_BYTES, r -> r.g1("witness_polys_commitments")),
                in.g1("copy_permutation_grand_product_commitment"),
                optional(in, "lookup_s_poly_commitment", r -> r.g1("lookup_s_poly_commitment")),
                optional(in, "lookup_grand_product_commitment", r -> r.g1("lookup_grand_product_commitment")),
                list(in, "quotient_poly_parts_commitments", G1_BYTES, r -> r.g1("quotient_poly_parts_commitments")),
                list(in, "state_polys_openings_at_z", FR_BYTES, r -> fr(r, "state_polys_openings_at_z")),
                list(in, "state_polys_openings_at_dilations", 48, r -> dilated(r, "state_polys_openings_at_dilations")),
                list(in, "witness_polys_openings_at_z", FR_BYTES, r -> fr(r, "witness_polys_openings_at_z")),
                list(in, "witness_polys_openings_at_dilations", 48,
                        r -> dilated(r, "witness_polys_openings_at_dilations")),
                list(in, "gate_setup_openings_at_z", 48, r -> dilated(r, "gate_setup_openings_at_z")),
                list(in, "gate_selectors_openings_at_z", 40, r -> selector(r, "gate_selectors_openings_at_z")),
                list(in, "copy_permutation_polys_openings_at_z", FR_BYTES,
                        r -> fr(r, "copy_permutation_polys_openings_at_z")),
                fr(in, "copy_permutation_grand_product_opening_at_z_omega"),
                optional(in, "lookup_s_poly_opening_at_z_omega", r -> fr(r, "lookup_s_poly_opening_at_z_omega")),
                optional(in, "lookup_grand_product_opening_at_z_omega",
                        r -> fr(r, "lookup_grand_product_opening_at_z_omega")),
                optional(in, "lookup_t_poly_opening_at_z", r -> fr(r, "lookup_t_poly_opening_at_z")),
                optional(in, "lookup_t_poly_opening_at_z_omega", r -> fr(r, "lookup_t_poly_opening_at_z_omega")),
                optional(in, "lookup_selector_poly_opening_at_z", r -> fr(r, "lookup_selector_poly_opening_at_z")),
                optional(in, "lookup_table_type_poly_opening_at_z",
                        r -> fr(r, "lookup_table_type_poly_opening_at_z")),
                fr(in, "quotient_poly_opening_at_z"),
                fr(in, "linearization_poly_opening_at_z"),
                in.g1("opening_proof_at_z"),
                in.g1("opening_proof_at_z_omega"));
    }

    static void writeProof(FinalProof p, BincodeWriter out) {
        out.u64(p.n());
        writeList(out, p.inputs(), out::fieldElement);
        writeList(out, p.statePolysCommitments(), out::g1);
        writeList(out, p.witnessPolysCommitments(), out::g1);
        out.g1(p.copyPermutationGrandProductCommitment());
        writeOptional(out, p.lookupSPolyCommitment(), out::g1);
        writeOptional(out, p.lookupGrandProductCommitment(), out::g1);
        writeList(out, p.quotientPolyPartsCommitments(), out::g1);
        writeList(out, p.statePolysOpeningsAtZ(), out::fieldElement);
        writeList(out, p.statePolysOpeningsAtDilations(), d -> writeDilated(out, d));
        writeList(out, p.witnessPolysOpeningsAtZ(), out::fieldElement);
        writeList(out, p.witnessPolysOpeningsAtDilations(), d -> writeDilated(out, d));
        writeList(out, p.gateSetupOpeningsAtZ(), d -> writeDilated(out, d));
        writeList(out, p.gateSelectorsOpeningsAtZ(), s -> {
            out.u64(s.selectorIndex());
            out.fieldElement(s.value());
        });
        writeList(out, p.copyPermutationPolysOpeningsAtZ(), out::fieldElement);
        out.fieldElement(p.copyPermutationGrandProductOpeningAtZOmega());
        writeOptional(out, p.lookupSPolyOpeningAtZOmega(), out::fieldElement);
        writeOptional(out, p.lookupGrandProductOpeningAtZOmega(), out::fieldElement);
        writeOptional(out, p.lookupTPolyOpeningAtZ(), out::fieldElement);
        writeOptional(out, p.lookupTPolyOpeningAtZOmega(), out::fieldElement);
        writeOptional(out, p.lookupSelectorPolyOpeningAtZ(), out::fieldElement);
        writeOptional(out, p.lookupTableTypePolyOpeningAtZ(), out::fieldElement);
        out.fieldElement(p.quotientPolyOpeningAtZ());
        out.fieldElement(p.linearizationPolyOpeningAtZ());
        out.g1(p.openingProofAtZ());
        out.g1(p.openingProofAtZOmega());
    }

    private static FieldElement fr(BincodeReader in, String what) {
        return in.fieldElement(what, FieldElement.FR_MODULUS);
    }

    private static FinalProof.DilatedOpening dilated(BincodeReader in, String what) {
        return new FinalProof.DilatedOpening(in.u64(what), in.u64(what), fr(in, what));
    }

    private static FinalProof.SelectorOpening selector(BincodeReader in, String what) {
        return new FinalProof.SelectorOpening(in.u64(what), fr(in, what));
    }

    private static <T> List<T> list(BincodeReader in, String what, int itemBytes, Function<BincodeReader, T> item) {
        int count = in.length(what, itemBytes);
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(item.apply(in));
        }
        return List.copyOf(out);
    }

    private static <T> Optional<T> optional(BincodeReader in, String what, Function<BincodeReader, T> item) {
        return in.option(what) ? Optional.of(item.apply(in)) : Optional.empty();
    }

    private static void writeDilated(BincodeWriter out, FinalProof.DilatedOpening d) {
        out.u64(d.polyIndex());
        out.u64(d.dilation());
        out.fieldElement(d.value());
    }

    private static <T> void writeList(BincodeWriter out, List<T> items, java.util.function.Consumer<T> item) {
        out.u64(items.size());
        items.forEach(item);
    }

    private static <T> void writeOptional(BincodeWriter out, Optional<T> value, java.util.function.Consumer<T> item) {
        out.bool(value.isPresent());
        value.ifPresent(item);
    }
}
