package io.provergateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.store.FileBlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway jars with exactly the same environment in one working directory (the default, relative spool path)
 * each take a spool slot of their own; one is {@code kill -9}ed while its batch waits in its slot (the object store
 * refuses its blob), and the other, still running, finishes that slot. The core never re-issues a batch here, so only
 * the spool can deliver it. The working directory (spool and logs) is kept under {@code target/it-logs}.
 */
class SharedSpoolIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aSlotLeftByAKilledInstance_isFinishedByTheOtherInstance() throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        FileBlobStore store = new FileBlobStore(dir.resolve("store"));
        Path bucket = store.base().resolve(ObjectKeys.WITNESS_INPUTS);
        for (long n = 1; n <= 2; n++) {
            // A non-empty directory where the blob goes: the store's final rename fails, so the batch stays spooled.
            Files.createDirectories(bucket.resolve(ObjectKeys.witnessInputs(n)).resolve("in-the-way"));
        }
        Path work = Path.of("target", "it-logs", "SharedSpoolIT-" + System.nanoTime()).toAbsolutePath();
        Path spool = work.resolve("prover-gateway-spool");
        try (CoreSimulator core = CoreSimulator.start(CoreSimulator.Settings.defaults().withSeed(3)
                .withMode(CommitmentMode.VALIDIUM).withProofGenerationTimeout(Duration.ofDays(1)))) {
            var env = GatewayEnv.of(core.baseUrl().toString(), database.rustUrl(), store.base(), spool, 0)
                    .remove("FRI_PROVER_GATEWAY_SPOOL_PATH").toMap();
            core.addBatches(1);
            try (GatewayProcess first = GatewayProcess.start(env, work, "first")) {
                await().atMost(LIMIT).failFast("first exited", () -> !first.isAlive())
                        .until(() -> spooled(spool).size() == 1);
                try (GatewayProcess second = GatewayProcess.start(env, work, "second")) {
                second.awaitOutput("gateway started", LIMIT);
                core.addBatches(1);
                await().atMost(LIMIT).failFast("second exited", () -> !second.isAlive())
                        .until(() -> spooled(spool).size() == 2);
                GatewayProcess holderOfSlotZero = first;
                GatewayProcess survivor = second;
                assertThat(spooled(spool.resolve("slot-1"))).hasSize(1);

                holderOfSlotZero.kill();
                for (long n = 1; n <= 2; n++) {
                    Path blocker = bucket.resolve(ObjectKeys.witnessInputs(n));
                    Files.delete(blocker.resolve("in-the-way"));
                    Files.delete(blocker);
                }

                await().atMost(LIMIT).failFast("survivor exited", () -> !survivor.isAlive())
                        .until(() -> witnessRows(database).size() == 2 && spooled(spool).isEmpty());
                assertThat(witnessRows(database)).containsExactly(1L, 2L);
                for (long n = 1; n <= 2; n++) {
                    assertThat(core.fetchCount(n)).as("hand-outs of batch %d", n).isEqualTo(1);
                    assertThat(Files.size(bucket.resolve(ObjectKeys.witnessInputs(n)))).isPositive();
                }
                assertThat(survivor.output()).contains("spool slot left by a stopped gateway adopted");
                assertThat(survivor.terminate(Duration.ofSeconds(15))).isZero();
                }
            }
        }
    }

    /** Committed batch files in the spool at {@code root} and in every slot under it. */
    private static List<Path> spooled(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(f -> f.getFileName().toString().matches("batch_\\d+_.*\\.bin")).toList();
        }
    }

    private static List<Long> witnessRows(TestDatabase database) throws Exception {
        List<Long> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT l1_batch_number FROM witness_inputs_fri ORDER BY 1")) {
            while (r.next()) {
                rows.add(r.getLong(1));
            }
        }
        return rows;
    }
}
