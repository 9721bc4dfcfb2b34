package io.provergateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.ProverSimulator;
import io.provergateway.store.FileBlobStore;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway jar is {@code kill -9}ed while it fetches rollup batches from the core simulator (behind a proxy that
 * can slow downloads down) and submits the prover simulator's proofs. After every kill and at the end, store, prover
 * DB and core must agree (see {@link CrashInvariants}). The kill schedule comes from a fixed seed (printed; rerun
 * another with {@code -Dcrash.seed=<seed>}). Kills are aimed at the download, persist and submit windows and the test
 * asserts each was hit; while the core's clock is frozen it re-issues nothing, so what survives then survived in the
 * spool alone.
 */
class CrashRecoveryIT {
    private static final long CORE_SEED = 7;
    private static final CommitmentMode MODE = CommitmentMode.ROLLUP;
    private static final int KILLS = 12;
    private static final int FROZEN_KILLS = 6;
    private static final int INITIAL_BATCHES = 6;
    private static final int BATCHES_PER_CYCLE = 2;

    enum Window { DOWNLOAD, PERSIST, SUBMIT }

    @TempDir
    Path dir;

    private final long seed = Long.getLong("crash.seed", 20_261_201L);
    private final SplittableRandom random = new SplittableRandom(seed);
    private final FreezableClock clock = new FreezableClock();
    private final Set<Window> windowsHit = EnumSet.noneOf(Window.class);
    private TestDatabase database;
    private CoreSimulator core;
    private PacedCoreProxy proxy;
    private ProverSimulator prover;
    private FileBlobStore store;
    private GatewayProcess gateway;
    private CrashInvariants invariants;
    private GatewayEnv env;

    @BeforeEach
    void startServices() throws IOException {
        System.out.println("CrashRecoveryIT seed=" + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        database = TestPostgres.freshDatabase();
        core = CoreSimulator.start(CoreSimulator.Settings.defaults().withSeed(CORE_SEED).withMode(MODE)
                .withProofGenerationTimeout(Duration.ofSeconds(3)).withClock(clock));
        proxy = new PacedCoreProxy(core.baseUrl().toString());
        store = new FileBlobStore(dir.resolve("store"));
        prover = new ProverSimulator(database.dataSource(), store,
                ProverSimulator.Settings.defaults().withSeed(CORE_SEED).withDelay(Duration.ofMillis(100))).start();
        invariants = new CrashInvariants(database.dataSource(), store, core, CORE_SEED, MODE);
        env = GatewayEnv.of(proxy.baseUrl(), database.rustUrl(), store.base(), dir.resolve("spool"),
                GatewayEnv.freePort());
    }

    @AfterEach
    void stopServices() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        if (prover != null) {
            prover.close();
        }
        proxy.close();
        core.close();
    }

    @Test
    void killsInTheDownloadPersistAndSubmitWindowsLoseNothing_theSpoolAloneKeepingBatchesWhileReissueIsOff()
            throws Exception {
        clock.freeze();
        long persisted = killInPersistWindow();
        assertThat(core.fetchCount(persisted)).as(context("persist") + ": stored from the spool, never re-issued")
                .isEqualTo(1);
        killInSubmitWindow(persisted);
        long downloaded = killInDownloadWindow();
        clock.thaw();
        gateway = start("after-download-kill");
        awaitAcknowledged(downloaded, "download");
        assertThat(core.fetchCount(downloaded)).as(context("download") + ": re-issued after the cut").isGreaterThan(1);
        assertThat(gateway.terminate(Duration.ofSeconds(10))).as(context("final")).isZero();
        invariants.checkFinal(downloaded, context("final"));
        assertThat(windowsHit).containsExactlyInAnyOrder(Window.values());
        assertThat(spoolFiles()).as(context("final") + ": spool left-overs").isEmpty();
    }

    /** The blob is stored but its row insert waits for a table lock the test holds: kill, then restart. */
    private long killInPersistWindow() throws Exception {
        long batch = core.addBatches(1).get(0);
        try (Connection lock = database.dataSource().getConnection(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("LOCK TABLE witness_inputs_fri IN EXCLUSIVE MODE");
            gateway = start("persist");
            awaitThat("batch " + batch + " committed to the spool, row not yet inserted", () ->
                    committedInSpool(batch) && Files.isRegularFile(store.pathOf("witness_inputs", "witness_inputs_" + batch + ".bin")));
            killed(Window.PERSIST);
            lock.rollback();
        }
        invariants.checkAfterKill(context("persist kill"));
        gateway = start("after-persist-kill");
        awaitThat("batch " + batch + " row inserted from the spool", () -> rows("witness_inputs_fri", batch) == 1);
        return batch;
    }

    /** The core acknowledged the proof but the mark waits for a row lock the test holds: kill, restart, re-send. */
    private void killInSubmitWindow(long batch) throws Exception {
        assertThat(gateway.terminate(Duration.ofSeconds(10))).as(context("submit")).isZero();
        gateway = null;
        awaitThat("batch " + batch + " proven", () -> rows("proof_compression_jobs_fri", batch) == 1);
        try (Connection lock = database.dataSource().getConnection(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.executeQuery("SELECT 1 FROM proof_compression_jobs_fri WHERE l1_batch_number = " + batch + " FOR UPDATE")
                    .close();
            gateway = start("submit");
            awaitThat("batch " + batch + " acknowledged by the core", () -> core.acknowledgedCount(batch) > 0);
            killed(Window.SUBMIT);
            endStatementsOfTheKilledGateway(s);
            lock.rollback();
        }
        invariants.checkAfterKill(context("submit kill"));
        gateway = start("after-submit-kill");
        awaitAcknowledged(batch, "submit");
        awaitThat("batch " + batch + " marked sent", () -> sentToServer(batch));
        assertThat(core.acknowledgedCount(batch)).as(context("submit") + ": sent again after the kill").isEqualTo(2);
    }

    /** A batch body is half through the (slowed) proxy: kill; only the core's re-issue can bring it back. */
    private long killInDownloadWindow() throws Exception {
        proxy.paced(true);
        long batch = core.addBatches(1).get(0);
        awaitThat("batch " + batch + " half downloaded", proxy::midDownload);
        killed(Window.DOWNLOAD);
        proxy.paced(false);
        invariants.checkAfterKill(context("download kill"));
        return batch;
    }

    @Test
    void everyBatchIsStoredAndAcknowledged_withConsistentStoreAndRows_acrossRepeatedKill9() throws Exception {
        clock.freeze();
        core.addBatches(INITIAL_BATCHES);
        List<Long> spooledAtKills = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            if (kill == FROZEN_KILLS + 1) {
                checkSpoolAloneKept(spooledAtKills);
                clock.thaw();
            }
            gateway = start("run-" + kill);
            // Every third run dies around start-up (200-2500 ms after launch); the others 50-1500 ms after start-up,
            // with fresh batches handed out just then, so most of them die while fetching or storing.
            boolean duringStartup = kill % 3 == 0;
            long runMillis;
            if (duringStartup) {
                runMillis = 200 + random.nextLong(2300);
                core.addBatches(BATCHES_PER_CYCLE);
            } else {
                gateway.awaitOutput("gateway started", Duration.ofSeconds(30));
                core.addBatches(BATCHES_PER_CYCLE);
                runMillis = 50 + random.nextLong(1450);
            }
            Thread.sleep(runMillis);
            gateway.kill();
            if (kill <= FROZEN_KILLS) {
                spooledAtKills.addAll(committedBatches());
            }
            System.out.printf("seed %d kill %d %s ms after %s: spooled=%s acknowledged=%d%n", seed, kill, runMillis,
                    duringStartup ? "launch" : "start-up", committedBatches(), acknowledged());
            invariants.checkAfterKill(context("kill " + kill));
        }
        long batches = INITIAL_BATCHES + (long) KILLS * BATCHES_PER_CYCLE;
        gateway = start("final");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .failFast(context("final") + ": gateway exited", () -> !gateway.isAlive())
                .until(() -> LongStream.rangeClosed(1, batches).allMatch(n -> core.acknowledgedCount(n) > 0));
        assertThat(gateway.terminate(Duration.ofSeconds(10))).as(context("final") + ": exit code after SIGTERM")
                .isZero();
        invariants.checkFinal(batches, context("final"));
        assertThat(spoolFiles()).as(context("final") + ": spool left-overs").isEmpty();
        System.out.printf("seed=%d batches=%d kills=%d spooled_at_kill=%s reissued=%d hidden_temp_files_seen=%d "
                        + "invariant_checks=%d%n", seed, batches, KILLS, spooledAtKills,
                LongStream.rangeClosed(1, batches).filter(n -> core.fetchCount(n) > 1).count(),
                invariants.hiddenTempFiles(), invariants.checks());
    }

    /** With re-issue off so far, every batch a kill left in the spool is stored by a restart from the spool alone. */
    private void checkSpoolAloneKept(List<Long> spooled) throws Exception {
        gateway = start("spool-check");
        awaitThat("every spooled batch " + spooled + " stored without re-issue",
                () -> committedBatches().isEmpty() && spooled.stream().allMatch(this::hasWitnessRow));
        gateway.kill();
        for (long batch : spooled) {
            assertThat(core.fetchCount(batch)).as(context("spool check") + ": batch " + batch).isEqualTo(1);
        }
        if (!spooled.isEmpty()) {
            windowsHit.add(Window.PERSIST);
        }
    }

    /**
     * A statement the killed gateway had already sent (the mark, waiting for the test's row lock) would still run
     * once the lock goes: PostgreSQL notices a dead client only when it next writes to it. Ends it, as the server's
     * keepalive or {@code client_connection_check_interval} would, so the restart has to send the proof again.
     */
    private static void endStatementsOfTheKilledGateway(Statement s) throws SQLException {
        s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                + " AND wait_event_type = 'Lock'").close();
    }

    private void killed(Window window) throws InterruptedException {
        gateway.kill();
        windowsHit.add(window);
        System.out.printf("seed %d: killed in the %s window%n", seed, window);
    }

    private void awaitAcknowledged(long batch, String step) {
        awaitThat("batch " + batch + " acknowledged (" + step + ")", () -> core.acknowledgedCount(batch) > 0);
    }

    private void awaitThat(String what, Callable<Boolean> condition) {
        await(context(what)).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .failFast(context(what) + ": gateway exited", () -> gateway != null && !gateway.isAlive())
                .until(condition);
    }

    private long acknowledged() {
        return LongStream.rangeClosed(1, INITIAL_BATCHES + (long) KILLS * BATCHES_PER_CYCLE)
                .filter(n -> core.acknowledgedCount(n) > 0).count();
    }

    private GatewayProcess start(String name) throws IOException {
        return GatewayProcess.start(env.toMap(), logs(), name);
    }

    private String context(String step) {
        return "seed=" + seed + " (rerun with -Dcrash.seed=" + seed + "), " + step + ", logs in " + logs().toAbsolutePath();
    }

    /** Kept after the run (target/ is not a temp dir) so a failure can be read. */
    private Path logs() {
        return Path.of("target", "it-logs", "CrashRecoveryIT-" + seed);
    }

    private boolean committedInSpool(long batch) throws IOException {
        return committedBatches().contains(batch);
    }

    private List<Long> committedBatches() throws IOException {
        return spoolFiles().stream().map(f -> f.getFileName().toString()).filter(n -> n.startsWith("batch_"))
                .map(n -> Long.parseLong(n.split("_")[1])).toList();
    }

    /** Everything in the spool (all slots) except lock files and directories. */
    private List<Path> spoolFiles() throws IOException {
        Path spool = dir.resolve("spool");
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(".lock"))
                    .toList();
        }
    }

    private boolean hasWitnessRow(long batch) {
        try {
            return rows("witness_inputs_fri", batch) == 1;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean sentToServer(long batch) throws Exception {
        return query("SELECT count(*) FROM proof_compression_jobs_fri WHERE status = 'sent_to_server'"
                + " AND l1_batch_number = " + batch) == 1;
    }

    private long rows(String table, long batch) throws Exception {
        return query("SELECT count(*) FROM " + table + " WHERE l1_batch_number = " + batch);
    }

    private long query(String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
