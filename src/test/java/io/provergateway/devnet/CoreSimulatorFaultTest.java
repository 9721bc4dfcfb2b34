package io.provergateway.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoreSimulatorFaultTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final CoreSimulator core = CoreSimulator.start(CoreSimulator.Settings.defaults());

    @AfterEach
    void stopCore() {
        core.close();
    }

    @Test
    void injectedStatusAnswersTheNextRequestsWithUpstreamPlainText_thenServesNormally() throws Exception {
        core.addBatches(1);
        core.injectFault(CoreRoute.PROOF_GENERATION_DATA, CoreFault.httpStatus(502), 2);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = post("/proof_generation_data", "{}");
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).isEqualTo("Failed fetching/saving from db");
        }
        assertThat(core.fetchCount(1)).isZero();
        assertThat(post("/proof_generation_data", "{}").statusCode()).isEqualTo(200);
        assertThat(core.fetchCount(1)).isEqualTo(1);
    }

    @Test
    void faultsForOneRouteLeaveTheOtherAlone() throws Exception {
        core.injectFault(CoreRoute.SUBMIT_PROOF, CoreFault.httpStatus(500), 1);
        assertThat(post("/proof_generation_data", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> response = post("/submit_proof/1", "\"SkippedProofGeneration\"");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("An internal error occurred");
    }

    @Test
    void garbageJsonFaultAnswers200WithABodyThatIsNotJson() throws Exception {
        core.injectFault(CoreFault.garbageJson(), 1);
        HttpResponse<String> response = post("/proof_generation_data", "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"Success\":{").doesNotEndWith("}");
    }

    @Test
    void htmlPageFaultAnswersAProxyErrorPage() throws Exception {
        core.injectFault(CoreFault.htmlPage(502), 1);
        HttpResponse<String> response = post("/proof_generation_data", "{}");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(response.body()).contains("<html>");
    }

    @Test
    void dropConnectionFaultClosesWithoutAResponse() {
        core.injectFault(CoreFault.dropConnection(), 1);
        assertThatThrownBy(() -> post("/proof_generation_data", "{}")).isInstanceOf(IOException.class);
    }

    @Test
    void hangFaultDelaysThenServesTheRequest() throws Exception {
        core.addBatches(1);
        core.injectFault(CoreFault.hang(Duration.ofMillis(200)), 1);
        assertThat(post("/proof_generation_data", "{}").statusCode()).isEqualTo(200);
        assertThat(core.fetchCount(1)).isEqualTo(1);
    }

    @Test
    void hangLongerThanTheClientTimeoutLooksLikeASilentCore() {
        core.injectFault(CoreFault.hang(Duration.ofSeconds(30)), 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(core.baseUrl() + "/proof_generation_data"))
                .timeout(Duration.ofMillis(300))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(core.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
