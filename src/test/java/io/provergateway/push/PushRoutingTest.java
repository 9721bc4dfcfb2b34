package io.provergateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What axum answers before any handler runs, and our size limit; none of it stores anything. */
class PushRoutingTest {
    private static final String CONTENT_TYPE_TEXT = "Expected request with `Content-Type: application/json`";

    @TempDir
    static Path dir;

    private static PushGateway gateway;

    @BeforeAll
    static void start() {
        gateway = PushGateway.start(dir, 1000);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/proof_generation_data", "/submit_request_for_proofs/", "/submit_proof/1",
            "/poll_generated_proofs/x"})
    void unknownPath_is404_withAnEmptyBody(String path) {
        HttpResponse<String> response = gateway.postJson(path, "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void baseUrlWithATrailingSlash_is404_asWithAxum() {
        assertThat(gateway.postJson("//poll_generated_proofs", "{}").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/submit_request_for_proofs", "/poll_generated_proofs"})
    void wrongMethodOnAKnownPath_is405_allowingPost(String path) {
        HttpResponse<String> get = gateway.send(HttpRequest.newBuilder(gateway.url(path)).GET().build());
        HttpResponse<String> put = gateway.send(HttpRequest.newBuilder(gateway.url(path))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "json", "application/jsonx"})
    void wrongContentType_is415_withAxumsText(String contentType) {
        HttpResponse<String> response = gateway.post("/submit_request_for_proofs", contentType,
                HttpRequest.BodyPublishers.ofString("{}"));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).isEqualTo(CONTENT_TYPE_TEXT);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
    }

    @Test
    void missingContentType_is415() {
        HttpResponse<String> response = gateway.post("/poll_generated_proofs", null,
                HttpRequest.BodyPublishers.ofString("{}"));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).isEqualTo(CONTENT_TYPE_TEXT);
    }

    @Test
    void bodyOverTheLimit_is413_andStoresNothing() {
        HttpResponse<String> response = gateway.postJson("/submit_request_for_proofs", "{\"x\":\"" + "a".repeat(2000)
                + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("FRI_PROVER_GATEWAY_MAX_REQUEST_BYTES");
        assertThat(gateway.blobs("witness_inputs")).isEmpty();
    }

    @Test
    void routesAreCountedPerRouteAndStatus() {
        gateway.postJson("/nowhere", "{}");
        gateway.post("/poll_generated_proofs", "text/plain", HttpRequest.BodyPublishers.ofString("{}"));

        assertThat(gateway.metrics())
                .contains("prover_gateway_server_requests_total{route=\"other\",status=\"404\"}")
                .contains("prover_gateway_server_requests_total{route=\"poll_generated_proofs\",status=\"415\"}")
                .contains("prover_gateway_server_request_duration_seconds_count{route=\"poll_generated_proofs\"}");
    }
}
