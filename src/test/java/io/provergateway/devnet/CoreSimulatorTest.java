package io.provergateway.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.provergateway.wire.L1BatchProof;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.ProtocolVersion;
import io.provergateway.wire.SubmitProofRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoreSimulatorTest {
    private static final long SEED = 11;
    private static final ProtocolVersion VERSION = new ProtocolVersion(28, 0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock();
    private CoreSimulator core;

    @BeforeEach
    void startCore() {
        core = CoreSimulator.start(CoreSimulator.Settings.defaults()
                .withSeed(SEED)
                .withProofGenerationTimeout(Duration.ofSeconds(30))
                .withClock(clock));
    }

    @AfterEach
    void stopCore() {
        core.close();
    }

    @Test
    void answersSuccessNull_whenNoBatchIsReady() throws Exception {
        HttpResponse<String> response = post("/proof_generation_data", "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"Success\":null}");
    }

    @Test
    void handsOutLowestBatchFirst_andLocksIt() throws Exception {
        assertThat(core.addBatches(2)).containsExactly(1L, 2L);
        assertThat(fetchedBatch()).isEqualTo(1);
        assertThat(fetchedBatch()).isEqualTo(2);
        assertThat(post("/proof_generation_data", "{}").body()).isEqualTo("{\"Success\":null}");
        assertThat(core.status(1)).hasValue(CoreBatchStatus.PICKED_BY_PROVER);
        assertThat(core.fetchCount(1)).isEqualTo(1);
    }

    @Test
    void reissuesBatch_onlyAfterTheProofGenerationTimeout() throws Exception {
        core.addBatches(1);
        assertThat(fetchedBatch()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(post("/proof_generation_data", "{}").body()).isEqualTo("{\"Success\":null}");
        clock.advance(Duration.ofSeconds(1));
        assertThat(fetchedBatch()).isEqualTo(1);
        assertThat(core.fetchCount(1)).isEqualTo(2);
    }

    @Test
    void acceptsProofWithExpectedCoords_andResubmissionIsIdempotent() throws Exception {
        core.addBatches(1);
        fetchedBatch();
        String proof = proofJson(new ProofGenerator(SEED).generate(1, VERSION));
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> response = post("/submit_proof/1", proof);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("\"Success\"");
        }
        assertThat(core.status(1)).hasValue(CoreBatchStatus.GENERATED);
        assertThat(core.acknowledgedCount(1)).isEqualTo(2);
        assertThat(core.acceptedProof(1)).hasValue(new ProofGenerator(SEED).generate(1, VERSION));
    }

    @Test
    void recordsSkippedProofGeneration() throws Exception {
        core.addBatches(1);
        HttpResponse<String> response = post("/submit_proof/1", "\"SkippedProofGeneration\"");
        assertThat(response.body()).isEqualTo("\"Success\"");
        assertThat(core.status(1)).hasValue(CoreBatchStatus.SKIPPED);
    }

    @Test
    void rejectsProofWithWrongCoords_with502PlainTextByDefault() throws Exception {
        core.addBatches(1);
        fetchedBatch();
        HttpResponse<String> response = post("/submit_proof/1", proofJson(new ProofGenerator(SEED + 1).generate(1, VERSION)));
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).startsWith("Auxilary output doesn't match");
        assertThat(core.status(1)).hasValue(CoreBatchStatus.PICKED_BY_PROVER);
        assertThat(core.rejectedCount(1)).isEqualTo(1);
        assertThat(core.acknowledgedCount(1)).isZero();
    }

    @Test
    void rejectsProofWithWrongCoords_withErrorBody_whenConfigured() throws Exception {
        core.addBatches(1);
        core.rejectWrongCoordsWith(SubmitRejection.ERROR_RESPONSE);
        HttpResponse<String> response = post("/submit_proof/1", proofJson(new ProofGenerator(SEED + 1).generate(1, VERSION)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.body()).get("Error").asText()).contains("doesn't match");
        assertThat(core.status(1)).hasValue(CoreBatchStatus.UNPICKED);
    }

    @Test
    void rejectsProofWithWrongCoords_byDroppingTheConnection_whenConfigured() {
        core.addBatches(1);
        core.rejectWrongCoordsWith(SubmitRejection.DROP_CONNECTION);
        String proof = proofJson(new ProofGenerator(SEED + 1).generate(1, VERSION));
        assertThatThrownBy(() -> post("/submit_proof/1", proof)).isInstanceOf(IOException.class);
        assertThat(core.rejectedCount(1)).isEqualTo(1);
    }

    @Test
    void answers502_forASubmissionOfAnUnknownBatch() throws Exception {
        HttpResponse<String> response = post("/submit_proof/9", "\"SkippedProofGeneration\"");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("Failed fetching/saving from db");
    }

    @Test
    void answers400_whenThePathIsNotAU32() throws Exception {
        assertThat(post("/submit_proof/abc", "\"SkippedProofGeneration\"").statusCode()).isEqualTo(400);
        assertThat(post("/submit_proof/4294967296", "\"SkippedProofGeneration\"").statusCode()).isEqualTo(400);
        assertThat(post("/submit_proof/-1", "\"SkippedProofGeneration\"").statusCode()).isEqualTo(400);
    }

    @Test
    void answers405_forAnythingButPost() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/proof_generation_data")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void answers404_forUnknownRoutes() throws Exception {
        assertThat(post("/proof_generation_data_x", "{}").statusCode()).isEqualTo(404);
        assertThat(post("/submit_proof", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void answers415_withoutJsonContentType() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/proof_generation_data"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
    }

    private long fetchedBatch() throws Exception {
        HttpResponse<String> response = post("/proof_generation_data", "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        return body.get("Success").get("l1_batch_number").asLong();
    }

    private static String proofJson(L1BatchProof proof) {
        return new String(ProofCodec.submitRequestJson(new SubmitProofRequest.Proof(proof)),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(core.baseUrl() + path);
    }
}
