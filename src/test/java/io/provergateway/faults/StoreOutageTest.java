package io.provergateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.store.ObjectKeys;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.wire.WitnessInputCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object store refuses every put (its {@code witness_inputs} bucket directory is a regular file) while the core
 * hands out batches it will never hand out again. Nothing may be lost, and no row may ever point at a missing blob.
 */
class StoreOutageTest {
    private static final long SEED = 41;

    @TempDir
    Path dir;

    @Test
    void batchesWaitInTheSpoolDuringAStoreOutage_andAreStoredAndQueuedOnceAfterIt() throws Exception {
        CoreSimulator.Settings core = CoreSimulator.Settings.defaults().withSeed(SEED)
                .withMode(CommitmentMode.VALIDIUM).withProofGenerationTimeout(Duration.ofDays(1));
        try (GatewayHarness harness = GatewayHarness.create(TestPostgres.freshDatabase(), dir, core)) {
            harness.startGateway();
            Path bucket = harness.store().base().resolve(ObjectKeys.WITNESS_INPUTS);
            Files.delete(bucket);
            Files.writeString(bucket, "not a directory");
            List<String> violations = new CopyOnWriteArrayList<>();
            Thread sampler = startSampler(harness, violations);
            try {
                List<Long> batches = harness.core().addBatches(4);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> harness.metrics().sum("prover_gateway_task_failures_total",
                                "task=\"ProofGenDataFetcher\"", "kind=\"object_store\"") >= 2);

                assertThat(harness.core().fetchCount(batches.get(0))).isEqualTo(1);
                assertThat(spooledBatchNumbers(harness)).as("the failing batch and the one fetched ahead of it")
                        .containsExactlyInAnyOrder(batches.get(0), batches.get(1));
                assertThat(harness.core().fetchCount(batches.get(2))).as("nothing more taken from the core").isZero();
                assertThat(harness.core().fetchCount(batches.get(3))).isZero();
                assertThat(harness.rows().witnessBlobUrls()).isEmpty();
                assertThat(harness.metrics().value("prover_gateway_spool_pending")).isEqualTo(2);

                Files.delete(bucket);
                Files.createDirectory(bucket);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(harness.rows().witnessBlobUrls()).hasSameSizeAs(batches);
                    assertThat(harness.spoolFiles(0)).isEmpty();
                });
                harness.assertStoredOnce(batches);
                for (long n : batches) {
                    assertThat(harness.core().fetchCount(n)).as("hand-outs of batch %d", n).isEqualTo(1);
                }
            } finally {
                sampler.interrupt();
                sampler.join();
            }
            assertThat(violations).isEmpty();
        }
    }

    private static List<Long> spooledBatchNumbers(GatewayHarness harness) {
        List<Long> numbers = new ArrayList<>();
        for (Path file : harness.spoolFiles(0)) {
            String name = file.getFileName().toString();
            assertThat(name).as("a committed spool file, not a half-received one").startsWith("batch_");
            numbers.add(Long.parseLong(name.split("_")[1]));
        }
        return numbers;
    }

    /** Repeatedly checks that every queued row's blob exists and decodes completely; records what did not. */
    private static Thread startSampler(GatewayHarness harness, List<String> violations) {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (Map.Entry<Long, String> row : harness.rows().witnessBlobUrls().entrySet()) {
                    Path blob = harness.store().pathOf(ObjectKeys.WITNESS_INPUTS, row.getValue());
                    try {
                        WitnessInputCodec.readBincode(blob);
                    } catch (RuntimeException e) {
                        violations.add("row of batch " + row.getKey() + " points at " + blob + ": " + e);
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "row-blob-sampler");
        sampler.start();
        return sampler;
    }
}
