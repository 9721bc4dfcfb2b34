package io.provergateway.wire;

import java.util.List;
import java.util.Optional;

/**
 * bellman {@code Proof<Bn256, C>} (the {@code scheduler_proof} of {@code L1BatchProofForL1}), fields in serde order.
 * usize values ({@code n}, opening indices) are unsigned u64 held in longs.
 */
public record FinalProof(
        long n,
        List<FieldElement> inputs,
        List<G1Point> statePolysCommitments,
        List<G1Point> witnessPolysCommitments,
        G1Point copyPermutationGrandProductCommitment,
        Optional<G1Point> lookupSPolyCommitment,
        Optional<G1Point> lookupGrandProductCommitment,
        List<G1Point> quotientPolyPartsCommitments,
        List<FieldElement> statePolysOpeningsAtZ,
        List<DilatedOpening> statePolysOpeningsAtDilations,
        List<FieldElement> witnessPolysOpeningsAtZ,
        List<DilatedOpening> witnessPolysOpeningsAtDilations,
        List<DilatedOpening> gateSetupOpeningsAtZ,
        List<SelectorOpening> gateSelectorsOpeningsAtZ,
        List<FieldElement> copyPermutationPolysOpeningsAtZ,
        FieldElement copyPermutationGrandProductOpeningAtZOmega,
        Optional<FieldElement> lookupSPolyOpeningAtZOmega,
        Optional<FieldElement> lookupGrandProductOpeningAtZOmega,
        Optional<FieldElement> lookupTPolyOpeningAtZ,
        Optional<FieldElement> lookupTPolyOpeningAtZOmega,
        Optional<FieldElement> lookupSelectorPolyOpeningAtZ,
        Optional<FieldElement> lookupTableTypePolyOpeningAtZ,
        FieldElement quotientPolyOpeningAtZ,
        FieldElement linearizationPolyOpeningAtZ,
        G1Point openingProofAtZ,
        G1Point openingProofAtZOmega) {

    /** A {@code (usize, usize, Fr)} opening. */
    public record DilatedOpening(long polyIndex, long dilation, FieldElement value) {}

    /** A {@code (usize, Fr)} opening. */
    public record SelectorOpening(long selectorIndex, FieldElement value) {}
}
