package io.provergateway.devnet;

import com.sun.net.httpserver.HttpServer;
import io.provergateway.wire.L1BatchProof;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the core's proof data handler (spec §3) on 127.0.0.1: a queue of generated batches handed out
 * lowest first and locked, re-issued after the proof generation timeout, proofs checked against the coords the
 * core expects for the batch. Tests drive it through {@link #addBatches}, the counters and {@link #injectFault}.
 */
public final class CoreSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CoreSimulator.class);
    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;
    private final BatchLedger ledger;
    private final FaultPlan faults = new FaultPlan();
    private final AtomicReference<SubmitRejection> rejection = new AtomicReference<>(SubmitRejection.BAD_GATEWAY);

    /**
     * @param port 0 for an ephemeral port
     * @param seed decides the batch data and the coords the core expects
     * @param proofGenerationTimeout after this a handed-out batch is handed out again
     * @param firstBatch the number of the first batch {@link #addBatches} makes
     */
    public record Settings(int port, long seed, CommitmentMode mode, Duration proofGenerationTimeout, Clock clock,
            BatchEvents events, long firstBatch) {
        public static Settings defaults() {
            return new Settings(0, 1, CommitmentMode.ROLLUP, Duration.ofSeconds(60), Clock.systemUTC(),
                    BatchEvents.NONE, 1);
        }

        public Settings withPort(int value) {
            return new Settings(value, seed, mode, proofGenerationTimeout, clock, events, firstBatch);
        }

        public Settings withSeed(long value) {
            return new Settings(port, value, mode, proofGenerationTimeout, clock, events, firstBatch);
        }

        public Settings withMode(CommitmentMode value) {
            return new Settings(port, seed, value, proofGenerationTimeout, clock, events, firstBatch);
        }

        public Settings withProofGenerationTimeout(Duration value) {
            return new Settings(port, seed, mode, value, clock, events, firstBatch);
        }

        public Settings withClock(Clock value) {
            return new Settings(port, seed, mode, proofGenerationTimeout, value, events, firstBatch);
        }

        public Settings withEvents(BatchEvents value) {
            return new Settings(port, seed, mode, proofGenerationTimeout, clock, value, firstBatch);
        }

        /** The number {@link #addBatches} starts from (default 1; batch 0 is genesis). */
        public Settings withFirstBatch(long value) {
            return new Settings(port, seed, mode, proofGenerationTimeout, clock, events, value);
        }
    }

    private CoreSimulator(HttpServer server, ExecutorService executor, BatchLedger ledger) {
        this.server = server;
        this.executor = executor;
        this.ledger = ledger;
    }

    /** Binds 127.0.0.1:{port} and starts serving. */
    public static CoreSimulator start(Settings settings) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("core-sim cannot bind 127.0.0.1:" + settings.port(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        CoreSimulator sim = new CoreSimulator(server, executor,
                new BatchLedger(settings.clock(), settings.proofGenerationTimeout(), settings.firstBatch()));
        WitnessDataGenerator generator = new WitnessDataGenerator(settings.seed(), settings.mode());
        server.createContext(ProofDataHandler.PATH,
                new ProofDataHandler(sim.ledger, generator, sim.faults, settings.events()));
        server.createContext(SubmitProofHandler.PREFIX,
                new SubmitProofHandler(sim.ledger, settings.seed(), sim.rejection, sim.faults, settings.events()));
        server.createContext("/", exchange -> {
            CoreRouteHandler.replyText(exchange, 404, "");
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
        log.info("core-sim listening url={} mode={} timeout={}", sim.baseUrl(), settings.mode(),
                settings.proofGenerationTimeout());
        return sim;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "core-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code http://127.0.0.1:{port}}, the gateway's {@code api_url}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Makes {@code count} more batches ready to prove; returns their numbers (from the first batch on). */
    public List<Long> addBatches(int count) {
        return ledger.addBatches(count);
    }

    public Optional<CoreBatchStatus> status(long l1BatchNumber) {
        return ledger.status(l1BatchNumber);
    }

    /** How many times the batch was handed out. */
    public int fetchCount(long l1BatchNumber) {
        return ledger.fetches(l1BatchNumber);
    }

    /** How many submissions for the batch were accepted. */
    public int acknowledgedCount(long l1BatchNumber) {
        return ledger.acks(l1BatchNumber);
    }

    /** How many proofs for the batch were refused for wrong coords. */
    public int rejectedCount(long l1BatchNumber) {
        return ledger.rejections(l1BatchNumber);
    }

    /** The last accepted proof of the batch (empty if none, or if it was skipped). */
    public Optional<L1BatchProof> acceptedProof(long l1BatchNumber) {
        return ledger.acceptedProof(l1BatchNumber);
    }

    /** The next {@code times} requests to {@code route} show {@code fault}. Faults queue in order. */
    public void injectFault(CoreRoute route, CoreFault fault, int times) {
        faults.add(Optional.of(route), fault, times);
    }

    /** The next {@code times} requests to either route show {@code fault}. */
    public void injectFault(CoreFault fault, int times) {
        faults.add(Optional.empty(), fault, times);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** How proofs with wrong coords are refused from now on (default {@link SubmitRejection#BAD_GATEWAY}). */
    public void rejectWrongCoordsWith(SubmitRejection mode) {
        rejection.set(mode);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        log.info("core-sim stopped");
    }
}
