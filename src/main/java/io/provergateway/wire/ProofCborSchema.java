package io.provergateway.wire;


/**
 * The three bodies of {@code TypedL1BatchProofForL1} at upstream HEAD (push-mode spec §2.6), in the untagged
 * enum's order: FFLONK ({@code fflonk} 0.32.10 {@code FflonkProof}), PLONK (bellman {@code Proof}, the 26 serialized
 * fields of gateway-spec §2.4) and Airbender.
 */
final class ProofCborSchema {
    static final ProofCborTypes.Type FR = ProofCborTypes.field(FieldElement.FR_MODULUS, "Fr");
    static final ProofCborTypes.Type FQ = ProofCborTypes.field(FieldElement.FQ_MODULUS, "Fq");
    static final ProofCborTypes.Type G1 = new ProofCborStruct().field("x", FQ).field("y", FQ)
            .field("infinity", ProofCborTypes.BOOL);
    private static final ProofCborTypes.Type FRS = ProofCborSeqTypes.seq(FR);
    private static final ProofCborTypes.Type G1S = ProofCborSeqTypes.seq(G1);
    private static final ProofCborTypes.Type DILATED = ProofCborSeqTypes.seq(
            ProofCborSeqTypes.tuple(ProofCborTypes.U64, ProofCborTypes.U64, FR));
    private static final ProofCborTypes.Type COORDS = ProofCborSeqTypes.fixed(4,
            ProofCborSeqTypes.fixed(Bytes32.LENGTH, ProofCborTypes.U8));

    static final ProofCborTypes.Type FFLONK_PROOF = new ProofCborStruct()
            .field("n", ProofCborTypes.U64)
            .field("inputs", FRS)
            .field("commitments", G1S)
            .field("evaluations", FRS)
            .field("lagrange_basis_inverses", FRS)
            .phantom("_c");

    static final ProofCborTypes.Type PLONK_PROOF = new ProofCborStruct()
            .field("n", ProofCborTypes.U64)
            .field("inputs", FRS)
            .field("state_polys_commitments", G1S)
            .field("witness_polys_commitments", G1S)
            .field("copy_permutation_grand_product_commitment", G1)
            .option("lookup_s_poly_commitment", G1)
            .option("lookup_grand_product_commitment", G1)
            .field("quotient_poly_parts_commitments", G1S)
            .field("state_polys_openings_at_z", FRS)
            .field("state_polys_openings_at_dilations", DILATED)
            .field("witness_polys_openings_at_z", FRS)
            .field("witness_polys_openings_at_dilations", DILATED)
            .field("gate_setup_openings_at_z", DILATED)
            .field("gate_selectors_openings_at_z", ProofCborSeqTypes.seq(ProofCborSeqTypes.tuple(ProofCborTypes.U64, FR)))
            .field("copy_permutation_polys_openings_at_z", FRS)
            .field("copy_permutation_grand_product_opening_at_z_omega", FR)
            .option("lookup_s_poly_opening_at_z_omega", FR)
            .option("lookup_grand_product_opening_at_z_omega", FR)
            .option("lookup_t_poly_opening_at_z", FR)
            .option("lookup_t_poly_opening_at_z_omega", FR)
            .option("lookup_selector_poly_opening_at_z", FR)
            .option("lookup_table_type_poly_opening_at_z", FR)
            .field("quotient_poly_opening_at_z", FR)
            .field("linearization_poly_opening_at_z", FR)
            .field("opening_proof_at_z", G1)
            .field("opening_proof_at_z_omega", G1);

    /** The variants in upstream's declaration (and untagged trial) order. */
    enum Variant {
        Fflonk(new ProofCborStruct().field("aggregation_result_coords", COORDS).field("scheduler_proof", FFLONK_PROOF)
                .field("protocol_version", ProofCborTypes.VERSION)),
        Plonk(new ProofCborStruct().field("aggregation_result_coords", COORDS).field("scheduler_proof", PLONK_PROOF)
                .field("protocol_version", ProofCborTypes.VERSION)),
        Airbender(new ProofCborStruct().field("proof", ProofCborSeqTypes.seq(ProofCborTypes.U8))
                .field("protocol_version", ProofCborTypes.VERSION));

        final ProofCborTypes.Type body;

        Variant(ProofCborTypes.Type body) {
            this.body = body;
        }
    }

    private ProofCborSchema() {}

}
