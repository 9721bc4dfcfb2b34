package io.provergateway.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.wire.FieldElement;
import io.provergateway.wire.FinalProof;
import io.provergateway.wire.G1Point;
import io.provergateway.wire.L1BatchProof;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.ProtocolVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProofGeneratorTest {
    private static final ProtocolVersion VERSION = new ProtocolVersion(28, 0);

    @Test
    void everyFieldElementIsBelowTheScalarModulus() {
        L1BatchProof proof = new ProofGenerator(7).generate(3, VERSION);
        assertThat(scalarsOf(proof.schedulerProof()))
                .hasSize(19)
                .allSatisfy(fr -> assertThat(fr.isBelow(FieldElement.FR_MODULUS)).isTrue());
    }

    @Test
    void everyCommitmentIsAPointOnBn254() {
        L1BatchProof proof = new ProofGenerator(7).generate(3, VERSION);
        assertThat(pointsOf(proof.schedulerProof()))
                .hasSize(13)
                .allSatisfy(p -> assertThat(p.infinity()).isFalse())
                .allSatisfy(p -> assertThat(Bn254Curve.isOnCurve(p)).as("%s on curve", p).isTrue());
    }

    @Test
    void hasTheShapeOfTheRealSchedulerProof() {
        FinalProof proof = new ProofGenerator(7).generate(3, VERSION).schedulerProof();
        assertThat(proof.n()).isEqualTo(16_777_215L);
        assertThat(proof.inputs()).hasSize(1);
        assertThat(proof.statePolysCommitments()).hasSize(4);
        assertThat(proof.witnessPolysCommitments()).isEmpty();
        assertThat(proof.quotientPolyPartsCommitments()).hasSize(4);
        assertThat(proof.statePolysOpeningsAtDilations()).singleElement()
                .satisfies(o -> assertThat(List.of(o.polyIndex(), o.dilation())).containsExactly(1L, 3L));
        assertThat(proof.gateSelectorsOpeningsAtZ()).hasSize(1);
        assertThat(proof.copyPermutationPolysOpeningsAtZ()).hasSize(3);
    }

    @Test
    void carriesTheCoordsTheCoreExpectsAndTheRequestedVersion() {
        L1BatchProof proof = new ProofGenerator(7).generate(3, VERSION);
        assertThat(proof.aggregationResultCoords()).isEqualTo(AggregationCoords.expectedCoords(7, 3));
        assertThat(proof.protocolVersion()).isEqualTo(VERSION);
        assertThat(AggregationCoords.expectedCoords(8, 3)).isNotEqualTo(proof.aggregationResultCoords());
    }

    @Test
    void isDeterministicPerSeedAndBatch() {
        assertThat(new ProofGenerator(7).generate(3, VERSION)).isEqualTo(new ProofGenerator(7).generate(3, VERSION));
        assertThat(new ProofGenerator(7).generate(4, VERSION)).isNotEqualTo(new ProofGenerator(7).generate(3, VERSION));
    }

    @Test
    void curveArithmeticAgreesWithKnownMultiples() {
        G1Point twoG = Bn254Curve.multiplyGenerator(BigInteger.TWO);
        assertThat(twoG.x().toBigInteger()).isEqualTo(new BigInteger(
                "1368015179489954701390400359078579693043519447331113978918064868415326638035"));
        assertThat(Bn254Curve.isOnCurve(Bn254Curve.GENERATOR)).isTrue();
        assertThat(Bn254Curve.isOnCurve(G1Point.INFINITY)).isTrue();
        assertThat(Bn254Curve.isOnCurve(new G1Point(FieldElement.ONE, FieldElement.ONE, false))).isFalse();
    }

    @Test
    void roundTripsThroughBincode() {
        L1BatchProof proof = new ProofGenerator(7).generate(3, VERSION);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProofCodec.writeBincode(proof, bytes);
        assertThat(ProofCodec.readBincode(new ByteArrayInputStream(bytes.toByteArray()))).isEqualTo(proof);
    }

    private static List<FieldElement> scalarsOf(FinalProof p) {
        List<FieldElement> all = new ArrayList<>(p.inputs());
        all.addAll(p.statePolysOpeningsAtZ());
        p.statePolysOpeningsAtDilations().forEach(o -> all.add(o.value()));
        p.gateSelectorsOpeningsAtZ().forEach(o -> all.add(o.value()));
        all.addAll(p.copyPermutationPolysOpeningsAtZ());
        all.addAll(List.of(p.copyPermutationGrandProductOpeningAtZOmega(), p.quotientPolyOpeningAtZ(),
                p.linearizationPolyOpeningAtZ()));
        for (Optional<FieldElement> o : List.of(p.lookupSPolyOpeningAtZOmega(), p.lookupGrandProductOpeningAtZOmega(),
                p.lookupTPolyOpeningAtZ(), p.lookupTPolyOpeningAtZOmega(), p.lookupSelectorPolyOpeningAtZ(),
                p.lookupTableTypePolyOpeningAtZ())) {
            all.add(o.orElseThrow());
        }
        return all;
    }

    private static List<G1Point> pointsOf(FinalProof p) {
        List<G1Point> all = new ArrayList<>(p.statePolysCommitments());
        all.addAll(p.witnessPolysCommitments());
        all.add(p.copyPermutationGrandProductCommitment());
        all.add(p.lookupSPolyCommitment().orElseThrow());
        all.add(p.lookupGrandProductCommitment().orElseThrow());
        all.addAll(p.quotientPolyPartsCommitments());
        all.add(p.openingProofAtZ());
        all.add(p.openingProofAtZOmega());
        return all;
    }
}
