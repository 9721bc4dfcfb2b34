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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway jar is {@code kill -9}ed at random moments while it fetches rollup batches from the core simulator
 * and submits the prover simulator's proofs; the core re-issues cut-off batches after its (short) proof generation
 * timeout. After every kill and at the end, store, prover DB and core must agree (see {@link CrashInvariants}).
 * Reproduce a failure with {@code -Dcrash.seed=<seed from the message>}.
 */
class CrashRecoveryIT {
    private static final long CORE_SEED = 7;
    private static final CommitmentMode MODE = CommitmentMode.ROLLUP;
    private static final int KILLS = 12;
    private static final int INITIAL_BATCHES = 6;
    private static final int BATCHES_PER_CYCLE = 2;

    @TempDir
    Path dir;

    private final long seed = Long.getLong("crash.seed", System.nanoTime());
    private final SplittableRandom random = new SplittableRandom(seed);
    private TestDatabase database;
    private CoreSimulator core;
    private ProverSimulator prover;
    private FileBlobStore store;
    private GatewayProcess gateway;
    private CrashInvariants invariants;
    private GatewayEnv env;

    @BeforeEach
    void startServices() {
        database = TestPostgres.freshDatabase();
        core = CoreSimulator.start(CoreSimulator.Settings.defaults().withSeed(CORE_SEED).withMode(MODE)
                .withProofGenerationTimeout(Duration.ofSeconds(3)));
        store = new FileBlobStore(dir.resolve("store"));
        prover = new ProverSimulator(database.dataSource(), store,
                ProverSimulator.Settings.defaults().withSeed(CORE_SEED).withDelay(Duration.ofMillis(100))).start();
        invariants = new CrashInvariants(database.dataSource(), store, core, CORE_SEED, MODE);
        env = GatewayEnv.of(core.baseUrl().toString(), database.rustUrl(), store.base(), dir.resolve("spool"),
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
        if (core != null) {
            core.close();
        }
    }

    @Test
    void everyBatchIsStoredAndAcknowledged_withConsistentStoreAndRows_acrossRepeatedKill9() throws Exception {
        core.addBatches(INITIAL_BATCHES);
        List<Path> leftOverIncoming = List.of();
        int killedMidDownload = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            String context = context("kill " + kill);
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
                assertThat(leftOverIncoming).as(context + ": spool incoming/ cleared on restart")
                        .noneMatch(Files::exists);
                core.addBatches(BATCHES_PER_CYCLE);
                runMillis = 50 + random.nextLong(1450);
            }
            Thread.sleep(runMillis);
            gateway.kill();
            List<Path> before = leftOverIncoming;
            List<Path> incoming = incomingFiles();
            killedMidDownload += incoming.stream().anyMatch(f -> !before.contains(f)) ? 1 : 0;
            leftOverIncoming = incoming;
            System.out.printf("kill %d %s ms after %s: incoming=%d acknowledged=%d%n", kill, runMillis,
                    duringStartup ? "launch" : "start-up", incoming.size(), acknowledged());
            invariants.checkAfterKill(context);
        }
        long batches = INITIAL_BATCHES + (long) KILLS * BATCHES_PER_CYCLE;
        gateway = start("final");
        gateway.awaitOutput("gateway started", Duration.ofSeconds(30));
        assertThat(leftOverIncoming).as(context("final") + ": spool incoming/ cleared on restart")
                .noneMatch(Files::exists);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .failFast(context("final") + ": gateway exited", () -> !gateway.isAlive())
                .until(() -> LongStream.rangeClosed(1, batches).allMatch(n -> core.acknowledgedCount(n) > 0));
        assertThat(gateway.terminate(Duration.ofSeconds(10))).as(context("final") + ": exit code after SIGTERM")
                .isZero();

        invariants.checkFinal(batches, context("final"));
        assertThat(spoolFiles()).as(context("final") + ": spool left-overs").isEmpty();
        System.out.printf("seed=%d batches=%d kills=%d killed_mid_download=%d reissued=%d "
                        + "hidden_temp_files_seen=%d invariant_checks=%d%n", seed, batches, KILLS, killedMidDownload,
                LongStream.rangeClosed(1, batches).filter(n -> core.fetchCount(n) > 1).count(),
                invariants.hiddenTempFiles(), invariants.checks());
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

    private List<Path> incomingFiles() throws IOException {
        Path incoming = dir.resolve("spool").resolve("incoming");
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.toList();
        }
    }

    /** Everything in the spool except the lock file and the (empty) incoming directory. */
    private List<Path> spoolFiles() throws IOException {
        List<Path> left = new ArrayList<>(incomingFiles());
        try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
            files.filter(f -> f.getFileName().toString().startsWith("batch_")).forEach(left::add);
        }
        return left;
    }
}
