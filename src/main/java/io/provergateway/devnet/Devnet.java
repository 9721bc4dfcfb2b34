package io.provergateway.devnet;

import io.provergateway.Gateway;
import io.provergateway.store.FileBlobStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The whole pipeline in one process: embedded PostgreSQL with the prover schema, a file-backed object store, the core
 * simulator, the prover simulator and the real {@link Gateway}, configured only through {@code GatewayConfig}.
 * Used by the {@code devnet} command and, in-process, by end-to-end tests.
 */
public final class Devnet implements AutoCloseable {

    /**
     * @param batches batches the core offers
     * @param dataDir where the database and the object store live; empty for a temp dir removed on close
     * @param coreSeed decides batch data and the coords the core accepts
     * @param proverSeed decides the proofs; a value other than {@code coreSeed} makes every proof wrong
     * @param timeout how long {@link #awaitCompletion()} waits for all acknowledgements
     * @param metricsPort the gateway's metrics port, 0 for a free one
     */
    public record Options(int batches, Optional<Path> dataDir, CommitmentMode mode, long coreSeed, long proverSeed,
            Duration proverDelay, double skipShare, Duration proofGenerationTimeout, Duration pollInterval,
            Duration timeout, int metricsPort) {
        public static Options defaults() {
            return new Options(10, Optional.empty(), CommitmentMode.ROLLUP, 1, 1, Duration.ofMillis(200), 0,
                    Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(120), 0);
        }

        public Options withBatches(int value) {
            return new Options(value, dataDir, mode, coreSeed, proverSeed, proverDelay, skipShare,
                    proofGenerationTimeout, pollInterval, timeout, metricsPort);
        }

        public Options withDataDir(Path value) {
            return new Options(batches, Optional.of(value), mode, coreSeed, proverSeed, proverDelay, skipShare,
                    proofGenerationTimeout, pollInterval, timeout, metricsPort);
        }

        public Options withMode(CommitmentMode value) {
            return new Options(batches, dataDir, value, coreSeed, proverSeed, proverDelay, skipShare,
                    proofGenerationTimeout, pollInterval, timeout, metricsPort);
        }

        public Options withProverSeed(long value) {
            return new Options(batches, dataDir, mode, coreSeed, value, proverDelay, skipShare,
                    proofGenerationTimeout, pollInterval, timeout, metricsPort);
        }

        public Options withSkipShare(double value) {
            return new Options(batches, dataDir, mode, coreSeed, proverSeed, proverDelay, value,
                    proofGenerationTimeout, pollInterval, timeout, metricsPort);
        }

        public Options withTimeout(Duration value) {
            return new Options(batches, dataDir, mode, coreSeed, proverSeed, proverDelay, skipShare,
                    proofGenerationTimeout, pollInterval, value, metricsPort);
        }
    }

    /** How a run ended: complete, or the reason it is not. */
    public record Outcome(boolean complete, String reason) {}

    private final Options options;
    private final DevnetServices services;
    private final BatchTimeline timeline;
    private final ProgressReporter reporter;
    private final List<Long> batches;

    private Devnet(Options options, DevnetServices services, BatchTimeline timeline, ProgressReporter reporter,
            List<Long> batches) {
        this.options = options;
        this.services = services;
        this.timeline = timeline;
        this.reporter = reporter;
        this.batches = batches;
    }

    /** Starts everything; the core offers its batches at once. Progress goes to {@code out}. */
    public static Devnet start(Options options, PrintStream out, boolean tty) {
        BatchTimeline timeline = new BatchTimeline(Clock.systemUTC());
        ProgressReporter reporter = new ProgressReporter(timeline, out, tty, options.batches());
        Path dataDir = options.dataDir().orElseGet(Devnet::tempDir);
        DevnetServices services = DevnetServices.start(options, dataDir, options.dataDir().isEmpty(), reporter);
        List<Long> batches = services.core().addBatches(options.batches());
        return new Devnet(options, services, timeline, reporter, batches);
    }

    /**
     * Waits until the core acknowledged every batch and the gateway marked each one {@code sent_to_server}, a
     * simulator reported a failure, the gateway stopped, or the timeout passed.
     */
    public Outcome awaitCompletion() throws InterruptedException {
        Instant deadline = Instant.now().plus(options.timeout());
        int expected = batches.size();
        timeline.awaitUntil(t -> t.acknowledgedCount() >= expected || !t.problems().isEmpty()
                || services.gatewayDied().isPresent(), deadline);
        boolean acknowledged = timeline.acknowledgedCount() >= expected;
        boolean marked = acknowledged && timeline.awaitUntil(t -> allMarkedSent(), deadline);
        reporter.finish();
        if (services.gatewayDied().isPresent()) {
            return new Outcome(false, "the gateway stopped: " + services.gatewayDied().get());
        }
        if (!timeline.problems().isEmpty()) {
            return new Outcome(false, String.join("; ", timeline.problems()));
        }
        if (marked) {
            return new Outcome(true, "the core acknowledged all " + expected + " batches, all marked sent_to_server");
        }
        if (acknowledged) {
            return new Outcome(false, "the core acknowledged all " + expected + " batches, but after "
                    + options.timeout().toSeconds() + " s the gateway has marked only "
                    + services.markedSent(first(), last()) + " of them sent_to_server");
        }
        Optional<Long> stuck = batches.stream().filter(n -> services.core().acknowledgedCount(n) == 0).findFirst();
        return new Outcome(false, "timed out after " + options.timeout().toSeconds() + " s with "
                + timeline.acknowledgedCount() + "/" + expected + " batches acknowledged; "
                + stuck.map(timeline::describe).orElse("no batch is stuck"));
    }

    private boolean allMarkedSent() {
        return services.markedSent(first(), last()) >= batches.size();
    }

    private long first() {
        return batches.get(0);
    }

    private long last() {
        return batches.get(batches.size() - 1);
    }

    /** The summary table: batches fetched / proven / acknowledged, bytes moved, latencies. */
    public String summary() {
        return new SummaryTable(timeline, batches.size()).render();
    }

    /** The batch numbers the core offered in this run. */
    public List<Long> batches() {
        return batches;
    }

    public CoreSimulator core() {
        return services.core();
    }

    public ProverSimulator prover() {
        return services.prover();
    }

    public BatchTimeline timeline() {
        return timeline;
    }

    /** The prover database (unpooled; one connection per call). */
    public DataSource proverDb() {
        return services.proverDb();
    }

    public FileBlobStore store() {
        return services.store();
    }

    /** The prover DB URL in the Rust form, e.g. {@code postgres://postgres:postgres@127.0.0.1:5432/postgres}. */
    public String databaseUrl() {
        return services.databaseUrl();
    }

    public URI metricsUrl() {
        return services.metricsUrl();
    }

    @Override
    public void close() {
        services.close();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("prover-gateway-devnet-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for the devnet", e);
        }
    }
}
