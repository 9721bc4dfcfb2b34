package io.provergateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.Gateway;
import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreFault;
import io.provergateway.devnet.CoreRoute;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.ProverSimulator;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway instances share one prover DB, one object store and one core; they split the work, never double it.
 * The core is slowed down (each answer takes a while) so that both instances necessarily take part.
 */
class TwoGatewaysTest {
    private static final long SEED = 21;

    @TempDir
    Path dir;

    @Test
    void twoInstancesStoreEveryBatchOnceAndSendEveryProofExactlyOnce() {
        CoreSimulator.Settings core = CoreSimulator.Settings.defaults().withSeed(SEED).withMode(CommitmentMode.VALIDIUM);
        try (GatewayHarness harness = GatewayHarness.create(TestPostgres.freshDatabase(), dir, core)) {
            harness.startProver(ProverSimulator.Settings.defaults().withSeed(SEED).withDelay(Duration.ofMillis(50))
                    .withSkipShare(0.25));
            List<Gateway> gateways = List.of(harness.startGateway(), harness.startGateway());
            harness.core().injectFault(CoreRoute.PROOF_GENERATION_DATA, CoreFault.hang(Duration.ofMillis(300)), 40);
            harness.core().injectFault(CoreRoute.SUBMIT_PROOF, CoreFault.hang(Duration.ofMillis(400)), 14);
            List<Long> batches = harness.core().addBatches(14);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    harness.rows().compressionStatuses()).hasSize(batches.size())
                    .allSatisfy((n, status) -> assertThat(status).isEqualTo("sent_to_server")));

            for (long n : batches) {
                assertThat(harness.core().fetchCount(n)).as("hand-outs of batch %d", n).isEqualTo(1);
                assertThat(harness.core().acknowledgedCount(n)).as("acks of batch %d", n).isEqualTo(1);
            }
            harness.assertStoredOnce(batches);
            // Counters move just after the row commits; the sums settle at one per batch, never above.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(sumOverGateways(gateways, "prover_gateway_batches_stored_total"))
                        .isEqualTo(batches.size());
                assertThat(sumOverGateways(gateways, "prover_gateway_proofs_submitted_total",
                        "outcome=\"acknowledged\"")).isEqualTo(batches.size());
                assertThat(harness.spoolFiles(0)).isEmpty();
                assertThat(harness.spoolFiles(1)).isEmpty();
            });
            for (Gateway gateway : gateways) {
                MetricsScraper metrics = new MetricsScraper(gateway.metricsPort());
                assertThat(metrics.sum("prover_gateway_batches_stored_total")).as("batches stored by each instance")
                        .isPositive();
                assertThat(metrics.sum("prover_gateway_proofs_submitted_total", "outcome=\"acknowledged\""))
                        .as("proofs sent by each instance").isPositive();
            }
        }
    }

    /**
     * Issue 8 item 4: each submission waits 5 s for the core's reply while the database kills any session idle in a
     * transaction for 2 s; no claim may hold a transaction open meanwhile, and no proof may be sent twice.
     */
    @Test
    void slowSubmissionsUnderAnIdleInTransactionTimeout_areEachSentOnceAndMarked_byTwoInstances() throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        try (Connection c = database.dataSource().getConnection(); Statement statement = c.createStatement()) {
            statement.execute("ALTER DATABASE " + database.name() + " SET idle_in_transaction_session_timeout = '2s'");
        }
        CoreSimulator.Settings core = CoreSimulator.Settings.defaults().withSeed(SEED).withMode(CommitmentMode.VALIDIUM);
        try (GatewayHarness harness = GatewayHarness.create(database, dir, core)) {
            harness.startProver(ProverSimulator.Settings.defaults().withSeed(SEED).withDelay(Duration.ofMillis(50)));
            List<Gateway> gateways = List.of(harness.startGateway(), harness.startGateway());
            harness.core().injectFault(CoreRoute.SUBMIT_PROOF, CoreFault.hang(Duration.ofSeconds(5)), 4);
            List<Long> batches = harness.core().addBatches(4);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    harness.rows().compressionStatuses()).hasSize(batches.size())
                    .allSatisfy((n, status) -> assertThat(status).isEqualTo("sent_to_server")));

            for (long n : batches) {
                assertThat(harness.core().acknowledgedCount(n)).as("acks of batch %d", n).isEqualTo(1);
            }
            assertThat(sumOverGateways(gateways, "prover_gateway_proofs_submitted_total")).isEqualTo(batches.size());
            assertThat(sumOverGateways(gateways, "prover_gateway_task_failures_total", "kind=\"database\""))
                    .isZero();
            for (Gateway gateway : gateways) {
                assertThat(new MetricsScraper(gateway.metricsPort()).sum("prover_gateway_proofs_submitted_total",
                        "outcome=\"acknowledged\"")).as("proofs sent by each instance").isPositive();
            }
        }
    }

    private static double sumOverGateways(List<Gateway> gateways, String metric, String... labels) {
        return gateways.stream().mapToDouble(g -> new MetricsScraper(g.metricsPort()).sum(metric, labels)).sum();
    }
}
