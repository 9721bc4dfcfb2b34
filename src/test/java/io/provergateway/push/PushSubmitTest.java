package io.provergateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.PushRequestJson;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.testsupport.ChainIdSchema;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /submit_request_for_proofs} end to end: the real gateway, PostgreSQL with the chain-id schema. */
class PushSubmitTest {
    private static final String SUBMIT = "/submit_request_for_proofs";
    private static final Instant SEALED = Instant.parse("2026-06-30T08:15:02.123456Z");

    @TempDir
    static Path dir;

    private static PushGateway gateway;

    @BeforeAll
    static void start() {
        gateway = PushGateway.start(dir, 64L << 20);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void empty() throws IOException {
        ChainIdSchema.execute(gateway.db(), "DELETE FROM witness_inputs_fri; DELETE FROM proof_compression_jobs_fri;"
                + " DELETE FROM prover_fri_protocol_versions");
        Path bucket = gateway.store.resolve("witness_inputs");
        if (Files.isDirectory(bucket)) {
            try (var files = Files.list(bucket)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    static String body(long batch, long seed) {
        return new String(PushRequestJson.write(new WitnessDataGenerator(seed, CommitmentMode.VALIDIUM)
                .generate(batch), 270, SEALED), StandardCharsets.UTF_8);
    }

    private static List<List<String>> witnessRows() {
        return ChainIdSchema.rows(gateway.db(), "SELECT l1_batch_number, chain_id, witness_inputs_blob_url, status,"
                + " protocol_version, protocol_version_patch, to_char(batch_sealed_at, 'YYYY-MM-DD HH24:MI:SS.US')"
                + " FROM witness_inputs_fri ORDER BY 1, 2");
    }

    @Test
    void storesTheCborBlob_thenTheRows_andAnswersExactlyNull() throws IOException {
        HttpResponse<String> response = gateway.postJson(SUBMIT, body(42, 1));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("null");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(gateway.blobs("witness_inputs")).containsExactly("witness_inputs_42_270.cbor");
        byte[] cbor = Files.readAllBytes(gateway.store.resolve("witness_inputs/witness_inputs_42_270.cbor"));
        assertThat(cbor[0] & 0xFF).as("a definite map(4)").isEqualTo(0xa4);
        assertThat(witnessRows()).containsExactly(List.of("42", "270", "witness_inputs_42_270.cbor", "queued",
                "28", "0", "2026-06-30 08:15:02.123456"));
        assertThat(ChainIdSchema.single(gateway.db(), "SELECT count(*) FROM prover_fri_protocol_versions"
                + " WHERE id = 28 AND fflonk_snark_wrapper_vk_hash IS NULL")).contains("1");
        assertThat(gateway.metrics()).contains(
                "prover_gateway_server_requests_total{route=\"submit_request_for_proofs\",status=\"200\"}");
    }

    @Test
    void rePush_overwritesTheBlob_andLeavesEveryRowUntouched() throws IOException {
        gateway.postJson(SUBMIT, body(7, 1));
        ChainIdSchema.execute(gateway.db(), "UPDATE witness_inputs_fri SET status = 'in_progress', attempts = 2");
        Path blob = gateway.store.resolve("witness_inputs/witness_inputs_7_270.cbor");
        byte[] first = Files.readAllBytes(blob);

        HttpResponse<String> again = gateway.postJson(SUBMIT, body(7, 2));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("null");
        assertThat(Files.readAllBytes(blob)).isNotEqualTo(first);
        assertThat(ChainIdSchema.rows(gateway.db(), "SELECT status, attempts FROM witness_inputs_fri"))
                .containsExactly(List.of("in_progress", "2"));
    }

    @Test
    void missingChainIdAndSealedAt_takeUpstreamsDefaults() {
        String body = body(5, 1).replace(",\"chain_id\":270", "")
                .replace(",\"batch_sealed_at\":\"2026-06-30T08:15:02.123456Z\"", "");
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(5);

        assertThat(gateway.postJson(SUBMIT, body).statusCode()).isEqualTo(200);

        assertThat(gateway.blobs("witness_inputs")).containsExactly("witness_inputs_5_0.cbor");
        String sealed = ChainIdSchema.single(gateway.db(), "SELECT to_char(batch_sealed_at, 'YYYY-MM-DD\"T\"HH24:MI:SS')"
                + " FROM witness_inputs_fri WHERE chain_id = 0").orElseThrow();
        assertThat(LocalDateTime.parse(sealed)).isAfter(before).isBefore(before.plusMinutes(1));
    }

    @Test
    void acceptsHexChainIds_theLegacyVkKey_anyKeyOrder_andUnknownKeys() {
        String body = body(6, 1).replace("\"chain_id\":270", "\"chain_id\":\"0x10e\"")
                .replace("recursion_scheduler_level_vk_hash", "snark_wrapper_vk_hash")
                .replace("{\"l1_batch_number\":6,", "{\"future_field\":[1,{\"x\":null}],\"l1_batch_number\":6,");

        HttpResponse<String> response = gateway.postJson(SUBMIT, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(gateway.blobs("witness_inputs")).containsExactly("witness_inputs_6_270.cbor");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON        | 400 | {\"l1_batch_number\":6,                  | {\"l1_batch_number\":6,,",
        "trailing data   | 400 | \"fflonk_snark_wrapper_vk_hash\":null}} | \"fflonk_snark_wrapper_vk_hash\":null}} {}",
        "missing field   | 422 | \"protocol_version\":\"0.28.0\",         | ''",
        "wrong type      | 422 | {\"l1_batch_number\":6,                  | {\"l1_batch_number\":\"6\",",
        "bad hex         | 422 | \"recursion_scheduler_level_vk_hash\":\"0x | \"recursion_scheduler_level_vk_hash\":\"0xzz",
        "unknown version | 422 | \"protocol_version\":\"0.28.0\"          | \"protocol_version\":\"0.99.0\"",
        "negative chain  | 422 | \"chain_id\":270                         | \"chain_id\":-1",
        "huge chain      | 422 | \"chain_id\":270                         | \"chain_id\":4503599627370478",
        "bad date        | 422 | 2026-06-30T08:15:02.123456Z              | 2026-06-31T08:15:02Z",
        "int4 chain      | 500 | \"chain_id\":270                         | \"chain_id\":3000000000",
    })
    void refusedBodies_getUpstreamsStatusAndText_andStoreNothing(String what, int status, String from, String to) {
        String original = body(6, 1);
        assertThat(original).contains(from.trim());
        HttpResponse<String> response = gateway.postJson(SUBMIT, original.replace(from.trim(), to.trim()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).startsWith(switch (status) {
            case 400 -> "Failed to parse the request body as JSON: ";
            case 422 -> "Failed to deserialize the JSON body into the target type: ";
            default -> "Database query failed: ";
        });
        assertThat(gateway.blobs("witness_inputs")).isEmpty();
        assertThat(witnessRows()).isEmpty();
        assertThat(ChainIdSchema.single(gateway.db(), "SELECT count(*) FROM prover_fri_protocol_versions")).contains("0");
    }

    @Test
    void emptyBody_is400() {
        HttpResponse<String> response = gateway.post(SUBMIT, "application/json", HttpRequest.BodyPublishers.noBody());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("Failed to parse the request body as JSON: ");
    }

    @Test
    void chunkedBodyOverTheLimit_is413_andStoresNothing() {
        try (PushGateway small = PushGateway.start(dir.resolve("small"), 1000)) {
            byte[] body = body(3, 1).getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = small.post(SUBMIT, "application/json",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(small.blobs("witness_inputs")).isEmpty();
            assertThat(ChainIdSchema.single(small.db(), "SELECT count(*) FROM witness_inputs_fri")).contains("0");
        }
    }
}
