package io.provergateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.devnet.CoreSimulator;
import io.provergateway.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core behind HTTPS with a private CA, and a bearer token ({@code FRI_PROVER_GATEWAY_API_TOKEN}). */
class HttpsCoreTest {
    private static final String TOKEN = "fault-test-token-5f2c";

    @TempDir
    Path dir;

    @Test
    void talksTlsAndSendsTheBearerToken_whenTheCoreCertificateIsTrusted() throws Exception {
        try (TlsCore core = TlsCore.start(dir);
                GatewayHarness harness = GatewayHarness.create(TestPostgres.freshDatabase(), dir,
                        CoreSimulator.Settings.defaults())) {
            harness.startGateway(config -> config.baseUrl(core.baseUrl()).caCert(core.caPem()).token(TOKEN));

            await().atMost(Duration.ofSeconds(60)).until(() -> core.received().size() >= 3);

            assertThat(core.received()).allSatisfy(request -> {
                assertThat(request.path()).isEqualTo("/proof_generation_data");
                assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
            });
            assertThat(harness.metrics().value(MetricsScraper.FETCHER_HTTP_ERRORS)).isZero();
        }
    }

    @Test
    void countsTheTlsFailureAsAnHttpErrorAndKeepsRunning_whenTheCertificateIsNotTrusted() throws Exception {
        try (TlsCore core = TlsCore.start(dir);
                GatewayHarness harness = GatewayHarness.create(TestPostgres.freshDatabase(), dir,
                        CoreSimulator.Settings.defaults())) {
            harness.startGateway(config -> config.baseUrl(core.baseUrl()).token(TOKEN));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> harness.metrics().value(MetricsScraper.FETCHER_HTTP_ERRORS) >= 3);

            assertThat(core.received()).as("no request, and so no token, reaches an untrusted server").isEmpty();
            assertThat(harness.metrics().sum("prover_gateway_task_failures_total",
                    "task=\"ProofGenDataFetcher\"", "kind=\"core_transport\"")).isGreaterThanOrEqualTo(3);
            assertThat(harness.gateway().died()).isNotDone();
        }
    }
}
