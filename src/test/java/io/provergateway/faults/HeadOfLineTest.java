package io.provergateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.ProverSimulator;
import io.provergateway.devnet.SubmitRejection;
import io.provergateway.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One proof the core keeps refusing must not hold back the batches after it (upstream hazard §9.3). */
class HeadOfLineTest {
    private static final long SEED = 51;
    private static final int BATCHES = 6;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SubmitRejection.class)
    void laterBatchesAreAcknowledgedWhileARefusedProofIsHeldBack(SubmitRejection rejection) {
        CoreSimulator.Settings core = CoreSimulator.Settings.defaults().withSeed(SEED).withMode(CommitmentMode.VALIDIUM);
        try (GatewayHarness harness = GatewayHarness.create(TestPostgres.freshDatabase(), dir, core)) {
            harness.core().rejectWrongCoordsWith(rejection);
            long bad = 2;
            harness.startProver(ProverSimulator.Settings.defaults().withSeed(SEED).withDelay(Duration.ofMillis(50)),
                    store -> new WrongProofStore(store, bad, SEED + 1000));
            harness.startGateway();
            List<Long> batches = harness.core().addBatches(BATCHES);
            List<Long> good = batches.stream().filter(n -> n != bad).toList();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (long n : good) {
                    assertThat(harness.core().acknowledgedCount(n)).as("acks of batch %d", n).isEqualTo(1);
                }
                assertThat(harness.rows().compressionStatuses()).hasSize(BATCHES).allSatisfy((n, status) ->
                        assertThat(status).isEqualTo(n == bad ? "successful" : "sent_to_server"));
                assertThat(harness.metrics().value(MetricsScraper.PROOFS_IN_BACKOFF)).isEqualTo(1);
                assertThat(harness.metrics().sum("prover_gateway_proofs_submitted_total", "outcome=\"acknowledged\""))
                        .isEqualTo(BATCHES - 1);
            });

            assertThat(harness.core().rejectedCount(bad)).isPositive();
            assertThat(harness.core().acknowledgedCount(bad)).isZero();
            assertThat(harness.rows().compressionStatuses()).containsEntry(bad, "successful");
            MetricsScraper metrics = harness.metrics();
            String outcome = rejection == SubmitRejection.ERROR_RESPONSE ? "rejected" : "failed";
            assertThat(metrics.sum("prover_gateway_proofs_submitted_total", "outcome=\"" + outcome + "\""))
                    .isPositive();
            if (rejection != SubmitRejection.ERROR_RESPONSE) {
                assertThat(metrics.value("prover_fri_prover_fri_gateway_http_error{service_name=\"ProofSubmitter\"}"))
                        .isPositive();
            }
        }
    }
}
