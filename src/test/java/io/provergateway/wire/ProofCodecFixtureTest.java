package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProofCodecFixtureTest {
    private static final String BATCH_PROOF = "l1_batch_proof_1_0_24_0.bin";
    private static final String SUBMIT_JSON = "derived/submit_proof_request_from_l1_batch_proof_1_0_24_0.json";
    private static final String AIRBENDER = "upstream-airbender-snark_wrapper_proof.json";

    @Test
    void batchProofBincode_reencodesByteIdentical() {
        byte[] bin = Fixtures.read(BATCH_PROOF);
        L1BatchProof proof = ProofCodec.readBincode(new ByteArrayInputStream(bin));
        assertThat(proof.aggregationResultCoords().get(0).get(0)).isZero();
        assertThat(proof.schedulerProof().n()).isEqualTo(16777215L);
        assertThat(proof.protocolVersion()).isEqualTo(new ProtocolVersion(24, 0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProofCodec.writeBincode(proof, out);
        assertThat(out.toByteArray()).hasSize(1723).isEqualTo(bin);
    }

    @Test
    void submitRequestJson_fromBincode_equalsDerivedJsonByteForByte() {
        L1BatchProof proof = ProofCodec.readBincode(new ByteArrayInputStream(Fixtures.read(BATCH_PROOF)));
        byte[] json = ProofCodec.submitRequestJson(new SubmitProofRequest.Proof(proof));
        assertThat(new String(json)).isEqualTo(new String(Fixtures.read(SUBMIT_JSON)));
    }

    @Test
    void submitRequestJson_readsBackToTheSameProof() {
        byte[] json = Fixtures.read(SUBMIT_JSON);
        SubmitProofRequest request = ProofCodec.readSubmitRequestJson(new ByteArrayInputStream(json));
        L1BatchProof expected = ProofCodec.readBincode(new ByteArrayInputStream(Fixtures.read(BATCH_PROOF)));
        assertThat(request).isEqualTo(new SubmitProofRequest.Proof(expected));
        assertThat(ProofCodec.submitRequestJson(request)).isEqualTo(json);
    }

    @Test
    void skippedProofGeneration_isTheBareVariantName() {
        byte[] json = ProofCodec.submitRequestJson(new SubmitProofRequest.SkippedProofGeneration());
        assertThat(new String(json)).isEqualTo("\"SkippedProofGeneration\"");
        assertThat(ProofCodec.readSubmitRequestJson(new ByteArrayInputStream(json)))
                .isEqualTo(new SubmitProofRequest.SkippedProofGeneration());
    }

    @Test
    void airbenderProofJson_roundTripsByteIdentical() {
        byte[] json = Fixtures.read(AIRBENDER);
        FinalProof proof = ProofCodec.readFinalProofJson(new ByteArrayInputStream(json));
        assertThat(proof.n()).isEqualTo(33554431L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProofCodec.writeFinalProofJson(proof, out);
        assertThat(new String(out.toByteArray())).isEqualTo(new String(json));
    }

    @Test
    void airbenderProofJson_throughBincode_roundTripsByteIdentical() {
        byte[] json = Fixtures.read(AIRBENDER);
        FinalProof proof = ProofCodec.readFinalProofJson(new ByteArrayInputStream(json));
        ByteArrayOutputStream bin = new ByteArrayOutputStream();
        ProofCodec.writeFinalProofBincode(proof, bin);
        assertThat(bin.size()).isEqualTo(1581);
        FinalProof back = ProofCodec.readFinalProofBincode(new ByteArrayInputStream(bin.toByteArray()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProofCodec.writeFinalProofJson(back, out);
        assertThat(out.toByteArray()).isEqualTo(json);
    }

    @Test
    void legacyProverTestDataProof_decodesAfterItsHeaderAndReencodesByteIdentical() {
        byte[] file = Fixtures.read("etc-prover-test-data-proof.bin");
        byte[] body = Arrays.copyOfRange(file, 4, file.length);
        FinalProof proof = ProofCodec.readFinalProofBincode(new ByteArrayInputStream(body));
        assertThat(proof.n()).isEqualTo(67108863L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProofCodec.writeFinalProofBincode(proof, out);
        assertThat(out.toByteArray()).isEqualTo(body);
    }

    @Test
    void upstreamEmptyPlonkRequest_parsesAsAnEmptyProof() {
        byte[] json = Fixtures.read("upstream-head/job_serialization-submit_proof_request-empty-plonk.json");
        SubmitProofRequest request = ProofCodec.readSubmitRequestJson(new ByteArrayInputStream(json));
        assertThat(request).isInstanceOf(SubmitProofRequest.Proof.class);
        L1BatchProof proof = ((SubmitProofRequest.Proof) request).proof();
        assertThat(proof.schedulerProof().n()).isZero();
        assertThat(proof.schedulerProof().openingProofAtZ()).isEqualTo(G1Point.INFINITY);
        assertThat(proof.protocolVersion()).isEqualTo(new ProtocolVersion(25, 10));
    }
}
