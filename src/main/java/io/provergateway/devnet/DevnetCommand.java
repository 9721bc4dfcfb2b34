package io.provergateway.devnet;

import ch.qos.logback.classic.Level;
import io.provergateway.config.ApiMode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code devnet}: the gateway doing its real job against simulated peers, in one process. */
@Command(name = "devnet", mixinStandardHelpOptions = true,
        description = "Run an embedded PostgreSQL, a file-backed object store, a core simulator, a prover simulator "
                + "and the real gateway in one process, until the core has acknowledged every batch.")
public final class DevnetCommand implements Callable<Integer> {

    @Option(names = "--batches", defaultValue = "10", description = "Batches to prove (default: ${DEFAULT-VALUE}).")
    int batches;

    @Option(names = "--data-dir", description = "Keep the database and object store here between runs "
            + "(default: a temp dir removed at exit).")
    Path dataDir;

    @Option(names = "--keep-running", description = "After the run, keep everything up until Ctrl-C.")
    boolean keepRunning;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    CommitmentModeOption mode;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "Give up when not all batches are acknowledged after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSecs;

    @Option(names = "--proof-generation-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "The core hands a batch out again after this long (default: ${DEFAULT-VALUE}).")
    long proofGenerationTimeoutSecs;

    @Option(names = "--prover-delay-ms", defaultValue = "200",
            description = "Simulated proving time per batch (default: ${DEFAULT-VALUE}).")
    long proverDelayMs;

    @Option(names = "--skip-share", defaultValue = "0",
            description = "Share of batches the prover skips (0 to 1, default: ${DEFAULT-VALUE}).")
    double skipShare;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of all generated data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--prover-seed", description = "Seed of the proofs; another value than --seed makes the core "
            + "reject every proof (default: --seed).")
    Long proverSeed;

    @Option(names = "--metrics-port", defaultValue = "0",
            description = "The gateway's metrics port (default: a free port).")
    int metricsPort;

    @Option(names = "--verbose", description = "Show the INFO logs of every part, not only warnings.")
    boolean verbose;

    @Option(names = "--api-mode", defaultValue = "legacy", paramLabel = "MODE",
            description = "legacy (pull, default) or prover-cluster (push: the core pushes inputs to the gateway and "
                    + "polls it for proofs; CBOR objects, chain-id schema).")
    String apiMode;

    @Override
    public Integer call() throws InterruptedException {
        if (batches < 1) {
            System.err.println("devnet: --batches must be at least 1, got " + batches);
            return 2;
        }
        if (!verbose && System.getenv("PROVER_GATEWAY_LOG_LEVEL") == null) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(Level.WARN);
        }
        PrintStream out = System.out;
        if (ApiMode.parse("--api-mode", apiMode) == ApiMode.ProverCluster) {
            List<String> unsupported = pullOnlyOptionsGiven();
            if (!unsupported.isEmpty()) {
                System.err.println("devnet: " + String.join(", ", unsupported) + " only work with --api-mode legacy;"
                        + " the prover-cluster devnet runs in a temp dir, proves every batch with --seed and stops");
                return 2;
            }
            return PushDevnet.run(new PushDevnet.Options(batches, seed, CommitmentModeOption.of(mode),
                    Duration.ofMillis(proverDelayMs), Duration.ofSeconds(proofGenerationTimeoutSecs),
                    Duration.ofMillis(100), Duration.ofSeconds(timeoutSecs), metricsPort), out,
                    System.console() != null);
        }
        Devnet devnet = Devnet.start(options(), out, System.console() != null);
        CountDownLatch closed = new CountDownLatch(1);
        Thread closer = new Thread(() -> {
            devnet.close();
            closed.countDown();
        }, "devnet-shutdown");
        // Ctrl-C or SIGTERM at any point stops every part and removes the temp dir.
        Runtime.getRuntime().addShutdownHook(closer);
        try {
            out.println("devnet: core " + devnet.core().baseUrl() + "  prover DB " + devnet.databaseUrl()
                    + "  metrics " + devnet.metricsUrl());
            Devnet.Outcome outcome = devnet.awaitCompletion();
            out.print(devnet.summary());
            if (outcome.complete()) {
                out.println("devnet OK: " + outcome.reason());
            } else {
                System.err.println("devnet FAILED: " + outcome.reason());
            }
            if (keepRunning) {
                printPokingHints(devnet, out);
                closed.await();
            }
            return outcome.complete() ? 0 : 1;
        } finally {
            devnet.close();
            try {
                Runtime.getRuntime().removeShutdownHook(closer);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook is closing the devnet already
            }
        }
    }

    /** The options the push-mode devnet does not have, as given on the command line. */
    private List<String> pullOnlyOptionsGiven() {
        List<String> given = new ArrayList<>();
        if (dataDir != null) {
            given.add("--data-dir");
        }
        if (keepRunning) {
            given.add("--keep-running");
        }
        if (skipShare != 0) {
            given.add("--skip-share");
        }
        if (proverSeed != null) {
            given.add("--prover-seed");
        }
        return given;
    }

    private Devnet.Options options() {
        Devnet.Options defaults = Devnet.Options.defaults();
        return new Devnet.Options(batches, Optional.ofNullable(dataDir), CommitmentModeOption.of(mode), seed,
                proverSeed == null ? seed : proverSeed, Duration.ofMillis(proverDelayMs), skipShare,
                Duration.ofSeconds(proofGenerationTimeoutSecs), defaults.pollInterval(),
                Duration.ofSeconds(timeoutSecs), metricsPort);
    }

    private static void printPokingHints(Devnet devnet, PrintStream out) {
        out.println("devnet keeps running; Ctrl-C stops it.");
        out.println("  metrics:   curl " + devnet.metricsUrl());
        out.println("  prover DB: psql " + devnet.databaseUrl());
        out.println("  blobs:     " + devnet.store().base());
    }
}
