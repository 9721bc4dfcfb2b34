package io.provergateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.db.SchemaInstaller;
import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.ProverSimulator;
import io.provergateway.testsupport.RestartablePostgres;
import io.provergateway.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL goes away for a few seconds while batches are fetched and proofs submitted, then comes back. */
class PostgresRestartTest {
    private static final long SEED = 31;

    @TempDir
    Path dir;

    @Test
    void bothLoopsResumeByThemselves_andEveryBatchIsStoredOnceAndAcknowledged() throws Exception {
        try (RestartablePostgres postgres = new RestartablePostgres()) {
            TestDatabase database = postgres.createDatabase("gw_faults_restart");
            SchemaInstaller.install(database.dataSource());
            CoreSimulator.Settings core = CoreSimulator.Settings.defaults().withSeed(SEED)
                    .withMode(CommitmentMode.VALIDIUM);
            try (GatewayHarness harness = GatewayHarness.create(database, dir, core)) {
                harness.startProver(ProverSimulator.Settings.defaults().withSeed(SEED)
                        .withDelay(Duration.ofMillis(300)));
                harness.startGateway();
                List<Long> batches = new ArrayList<>(harness.core().addBatches(4));
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> harness.core().acknowledgedCount(batches.get(0)) >= 1);

                batches.addAll(harness.core().addBatches(4));
                postgres.stop();
                // The fetcher takes the next batch while the database is down; it must keep it until PG is back.
                await().atMost(Duration.ofSeconds(60)).until(() -> harness.core().fetchCount(batches.get(4)) >= 1);
                Thread.sleep(3_000); // the outage lasts a few more seconds, then PostgreSQL comes back by itself
                postgres.start();

                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .untilAsserted(() -> {
                            // A prover job whose worker lost the database mid-job is requeued, as upstream does.
                            harness.rows().requeueStuckWitnessJobs(Duration.ofSeconds(5));
                            assertOnlyAcknowledgedProofsAreMarkedSent(harness);
                            assertThat(harness.rows().compressionStatuses()).hasSize(batches.size())
                                    .allSatisfy((n, status) -> assertThat(status).isEqualTo("sent_to_server"));
                            assertThat(harness.spoolFiles(0)).isEmpty();
                        });

                harness.assertStoredOnce(batches);
                for (long n : batches) {
                    assertThat(harness.core().acknowledgedCount(n)).as("acks of batch %d", n).isPositive();
                }
            }
        }
    }

    private static void assertOnlyAcknowledgedProofsAreMarkedSent(GatewayHarness harness) {
        for (Map.Entry<Long, String> row : harness.rows().compressionStatuses().entrySet()) {
            if (row.getValue().equals("sent_to_server")) {
                assertThat(harness.core().acknowledgedCount(row.getKey()))
                        .as("batch %d is sent_to_server but the core never acknowledged it", row.getKey())
                        .isPositive();
            }
        }
    }
}
