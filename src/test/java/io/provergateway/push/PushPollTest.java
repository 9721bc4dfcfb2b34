package io.provergateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.provergateway.devnet.PushProofs;
import io.provergateway.testsupport.ChainIdSchema;
import io.provergateway.wire.ProtocolVersion;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /poll_generated_proofs} end to end: the real gateway, PostgreSQL with the chain-id schema. */
class PushPollTest {
    private static final String POLL = "/poll_generated_proofs";
    private static final Path FIXTURES = Path.of(System.getProperty("basedir", "."))
            .resolve("../shared/fixtures/upstream-head").normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static PushGateway gateway;

    @BeforeAll
    static void start() {
        gateway = PushGateway.start(dir, 1L << 20);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void empty() {
        ChainIdSchema.execute(gateway.db(), "DELETE FROM witness_inputs_fri; DELETE FROM proof_compression_jobs_fri;"
                + " DELETE FROM prover_fri_protocol_versions");
    }

    private static String request(long chain, long batch) {
        return "{\"l1_batch_id\":{\"chain_id\":" + chain + ",\"batch_number\":" + batch + "}}";
    }

    private static void proofBlob(String key, byte[] cbor) throws IOException {
        Path file = gateway.store.resolve("proofs_fri").resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, cbor);
    }

    private static String status(long batch, long chain) {
        return ChainIdSchema.single(gateway.db(), "SELECT status FROM proof_compression_jobs_fri WHERE l1_batch_number = "
                + batch + " AND chain_id = " + chain).orElseThrow();
    }

    @Test
    void unknownBatch_isNull() {
        HttpResponse<String> response = gateway.postJson(POLL, request(270, 99));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("null");
    }

    @ParameterizedTest
    @CsvSource({"queued", "in_progress", "failed", "skipped"})
    void jobNotSuccessful_isNull_evenWithABlob(String jobStatus) throws IOException {
        ChainIdSchema.compressionJob(gateway.db(), 3, 270, jobStatus, 28, 0);
        proofBlob("l1_batch_proof_3_270_0_28_0.cbor", new PushProofs(1).cbor(3, new ProtocolVersion(28, 0)));

        assertThat(gateway.postJson(POLL, request(270, 3)).body()).isEqualTo("null");
        assertThat(status(3, 270)).isEqualTo(jobStatus);
    }

    @Test
    void successfulJobWithoutItsBlob_isNull_andNotMarked() {
        ChainIdSchema.compressionJob(gateway.db(), 4, 270, "successful", 28, 0);

        assertThat(gateway.postJson(POLL, request(270, 4)).body()).isEqualTo("null");
        assertThat(status(4, 270)).isEqualTo("successful");
    }

    @Test
    void servesTheProof_marksItSent_andServesItAgainOnALaterPoll() throws IOException {
        PushProofs proofs = new PushProofs(1);
        ProtocolVersion version = new ProtocolVersion(28, 0);
        ChainIdSchema.compressionJob(gateway.db(), 5, 270, "successful", 28, 0);
        proofBlob("l1_batch_proof_5_270_0_28_0.cbor", proofs.cbor(5, version));

        HttpResponse<String> first = gateway.postJson(POLL, request(270, 5));
        HttpResponse<String> second = gateway.postJson(POLL, "{\"l1_batch_id\":{\"batch_number\":5,\"chain_id\":\"0x10e\"}}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).startsWith("{\"l1_batch_id\":{\"chain_id\":270,\"batch_number\":5},\"proof\":{");
        JsonNode proof = JSON.readTree(first.body()).get("proof");
        assertThat(proof).isEqualTo(JSON.readTree(proofs.plonkJson(5, version)));
        assertThat(status(5, 270)).isEqualTo("sent_to_server");
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void servesAnFflonkProof_withItsUntaggedBody() throws IOException {
        PushProofs proofs = new PushProofs(1);
        ProtocolVersion version = new ProtocolVersion(28, 0);
        ChainIdSchema.compressionJob(gateway.db(), 6, 270, "successful", 28, 0);
        proofBlob("l1_batch_proof_6_270_0_28_0.cbor", proofs.cbor(6, version));

        String body = gateway.postJson(POLL, request(270, 6)).body();

        assertThat(body).contains("\"_c\":null");
        assertThat(JSON.readTree(body).get("proof")).isEqualTo(JSON.readTree(proofs.fflonkJson(6, version)));
    }

    @Test
    void fallsBackToTheChainlessKey_onlyWhenTheChainKeyIsMissing() throws IOException {
        PushProofs proofs = new PushProofs(1);
        ProtocolVersion version = new ProtocolVersion(28, 0);
        ChainIdSchema.compressionJob(gateway.db(), 7, 270, "successful", 28, 0);
        proofBlob("l1_batch_proof_7_0_28_0.cbor", proofs.cbor(7, version));

        String chainless = gateway.postJson(POLL, request(270, 7)).body();
        proofBlob("l1_batch_proof_7_270_0_28_0.cbor", new PushProofs(2).cbor(7, version));
        String withChain = gateway.postJson(POLL, request(270, 7)).body();

        assertThat(JSON.readTree(chainless).get("proof")).isEqualTo(JSON.readTree(proofs.plonkJson(7, version)));
        assertThat(JSON.readTree(withChain).get("proof"))
                .isEqualTo(JSON.readTree(new PushProofs(2).plonkJson(7, version)));
    }

    @Test
    void theRealUpstreamFixture_isServedAsTheDerivedResponse() throws IOException {
        Path cbor = FIXTURES.resolve("l1_batch_proof_1_0_27_0.cbor");
        Path expected = FIXTURES.resolve("derived/poll_generated_proofs_response_example.json");
        assumeTrue(Files.isRegularFile(cbor) && Files.isRegularFile(expected), FIXTURES + " not found; skipping");
        ChainIdSchema.compressionJob(gateway.db(), 1, 0, "successful", 27, 0);
        proofBlob("l1_batch_proof_1_0_0_27_0.cbor", Files.readAllBytes(cbor));

        String body = gateway.postJson(POLL, request(0, 1)).body();

        assertThat(body).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8).strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "400 | {\"l1_batch_id\":",
        "400 | ''",
        "400 | {\"l1_batch_id\":{\"chain_id\":1,\"batch_number\":1}} x",
        "422 | {}",
        "422 | []",
        "422 | {\"l1_batch_id\":{\"chain_id\":1}}",
        "422 | {\"l1_batch_id\":{\"batch_number\":1}}",
        "422 | {\"l1_batch_id\":{\"chain_id\":-1,\"batch_number\":1}}",
        "422 | {\"l1_batch_id\":{\"chain_id\":4503599627370478,\"batch_number\":1}}",
        "422 | {\"l1_batch_id\":{\"chain_id\":\"0xzz\",\"batch_number\":1}}",
        "422 | {\"l1_batch_id\":{\"chain_id\":1,\"batch_number\":4294967296}}",
        "422 | {\"l1_batch_id\":{\"chain_id\":1,\"batch_number\":\"1\"}}",
    })
    void badPollRequests_getAxumsStatusAndText(int status, String body) {
        HttpResponse<String> response = gateway.postJson(POLL, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).startsWith(status == 400 ? "Failed to parse the request body as JSON: "
                : "Failed to deserialize the JSON body into the target type: ");
    }

    @Test
    void unknownKeys_areIgnored() {
        HttpResponse<String> response = gateway.postJson(POLL,
                "{\"extra\":1,\"l1_batch_id\":{\"chain_id\":\"270\",\"batch_number\":1,\"more\":[true]}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("null");
    }
}
