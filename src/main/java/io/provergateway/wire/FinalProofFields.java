package io.provergateway.wire;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The fields of a bellman proof as they arrive from JSON, in any order; missing Options are None (serde). */
final class FinalProofFields {
    static final List<String> REQUIRED = List.of("n", "inputs", "state_polys_commitments",
            "witness_polys_commitments", "copy_permutation_grand_product_commitment",
            "quotient_poly_parts_commitments", "state_polys_openings_at_z", "state_polys_openings_at_dilations",
            "witness_polys_openings_at_z", "witness_polys_openings_at_dilations", "gate_setup_openings_at_z",
            "gate_selectors_openings_at_z", "copy_permutation_polys_openings_at_z",
            "copy_permutation_grand_product_opening_at_z_omega", "quotient_poly_opening_at_z",
            "linearization_poly_opening_at_z", "opening_proof_at_z", "opening_proof_at_z_omega");
    private static final Set<String> OPTIONAL = Set.of("lookup_s_poly_commitment",
            "lookup_grand_product_commitment", "lookup_s_poly_opening_at_z_omega",
            "lookup_grand_product_opening_at_z_omega", "lookup_t_poly_opening_at_z",
            "lookup_t_poly_opening_at_z_omega", "lookup_selector_poly_opening_at_z",
            "lookup_table_type_poly_opening_at_z");

    private final ProofJsonReader r;
    private long n;
    private List<FieldElement> inputs;
    private List<G1Point> stateCommitments;
    private List<G1Point> witnessCommitments;
    private G1Point copyPermutationCommitment;
    private Optional<G1Point> lookupSCommitment = Optional.empty();
    private Optional<G1Point> lookupGrandProductCommitment = Optional.empty();
    private List<G1Point> quotientCommitments;
    private List<FieldElement> stateAtZ;
    private List<FinalProof.DilatedOpening> stateAtDilations;
    private List<FieldElement> witnessAtZ;
    private List<FinalProof.DilatedOpening> witnessAtDilations;
    private List<FinalProof.DilatedOpening> gateSetupAtZ;
    private List<FinalProof.SelectorOpening> gateSelectorsAtZ;
    private List<FieldElement> copyPermutationAtZ;
    private FieldElement copyPermutationAtZOmega;
    private Optional<FieldElement> lookupSAtZOmega = Optional.empty();
    private Optional<FieldElement> lookupGrandProductAtZOmega = Optional.empty();
    private Optional<FieldElement> lookupTAtZ = Optional.empty();
    private Optional<FieldElement> lookupTAtZOmega = Optional.empty();
    private Optional<FieldElement> lookupSelectorAtZ = Optional.empty();
    private Optional<FieldElement> lookupTableTypeAtZ = Optional.empty();
    private FieldElement quotientAtZ;
    private FieldElement linearizationAtZ;
    private G1Point openingAtZ;
    private G1Point openingAtZOmega;

    FinalProofFields(ProofJsonReader reader) {
        this.r = reader;
    }

    boolean isKnown(String name) {
        return REQUIRED.contains(name) || OPTIONAL.contains(name);
    }

    /** Reads the value of field {@code name} at the current token. */
    void read(String name) throws IOException {
        switch (name) {
            case "n" -> n = r.u64();
            case "inputs" -> inputs = r.list(r::fr);
            case "state_polys_commitments" -> stateCommitments = r.list(r::g1);
            case "witness_polys_commitments" -> witnessCommitments = r.list(r::g1);
            case "copy_permutation_grand_product_commitment" -> copyPermutationCommitment = r.g1();
            case "lookup_s_poly_commitment" -> lookupSCommitment = r.optional(r::g1);
            case "lookup_grand_product_commitment" -> lookupGrandProductCommitment = r.optional(r::g1);
            case "quotient_poly_parts_commitments" -> quotientCommitments = r.list(r::g1);
            case "state_polys_openings_at_z" -> stateAtZ = r.list(r::fr);
            case "state_polys_openings_at_dilations" -> stateAtDilations = r.list(r::dilated);
            case "witness_polys_openings_at_z" -> witnessAtZ = r.list(r::fr);
            case "witness_polys_openings_at_dilations" -> witnessAtDilations = r.list(r::dilated);
            case "gate_setup_openings_at_z" -> gateSetupAtZ = r.list(r::dilated);
            case "gate_selectors_openings_at_z" -> gateSelectorsAtZ = r.list(r::selector);
            case "copy_permutation_polys_openings_at_z" -> copyPermutationAtZ = r.list(r::fr);
            case "copy_permutation_grand_product_opening_at_z_omega" -> copyPermutationAtZOmega = r.fr();
            case "lookup_s_poly_opening_at_z_omega" -> lookupSAtZOmega = r.optional(r::fr);
            case "lookup_grand_product_opening_at_z_omega" -> lookupGrandProductAtZOmega = r.optional(r::fr);
            case "lookup_t_poly_opening_at_z" -> lookupTAtZ = r.optional(r::fr);
            case "lookup_t_poly_opening_at_z_omega" -> lookupTAtZOmega = r.optional(r::fr);
            case "lookup_selector_poly_opening_at_z" -> lookupSelectorAtZ = r.optional(r::fr);
            case "lookup_table_type_poly_opening_at_z" -> lookupTableTypeAtZ = r.optional(r::fr);
            case "quotient_poly_opening_at_z" -> quotientAtZ = r.fr();
            case "linearization_poly_opening_at_z" -> linearizationAtZ = r.fr();
            case "opening_proof_at_z" -> openingAtZ = r.g1();
            case "opening_proof_at_z_omega" -> openingAtZOmega = r.g1();
            default -> throw new IllegalStateException("not a proof field: " + name);
        }
    }

    FinalProof build() {
        return new FinalProof(n, inputs, stateCommitments, witnessCommitments, copyPermutationCommitment,
                lookupSCommitment, lookupGrandProductCommitment, quotientCommitments, stateAtZ, stateAtDilations,
                witnessAtZ, witnessAtDilations, gateSetupAtZ, gateSelectorsAtZ, copyPermutationAtZ,
                copyPermutationAtZOmega, lookupSAtZOmega, lookupGrandProductAtZOmega, lookupTAtZ, lookupTAtZOmega,
                lookupSelectorAtZ, lookupTableTypeAtZ, quotientAtZ, linearizationAtZ, openingAtZ, openingAtZOmega);
    }
}
