package io.provergateway.devnet;

import io.provergateway.Gateway;
import io.provergateway.config.ApiConfig;
import io.provergateway.config.DatabaseConfig;
import io.provergateway.config.GatewayConfig;
import io.provergateway.config.MetricsConfig;
import io.provergateway.config.ObjectStoreConfig;
import io.provergateway.config.PostgresUrl;
import io.provergateway.config.PushServerConfig;
import io.provergateway.db.SchemaDialect;
import io.provergateway.db.SchemaInstaller;
import io.provergateway.store.FileBlobStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ProverCluster pipeline in one process: embedded PostgreSQL with the chain-id schema, a FileBacked store, the
 * prover simulator writing CBOR proofs, the real {@link Gateway} serving on a free port, and the push core
 * simulator pushing witness inputs to it and polling it for proofs.
 */
public final class PushDevnet implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PushDevnet.class);

    /** @param fetchInterval the core's {@code proof_fetch_interval} (upstream 10 s; short here) */
    public record Options(int batches, long seed, CommitmentMode mode, Duration proverDelay,
            Duration proofGenerationTimeout, Duration fetchInterval, Duration timeout, int metricsPort) {}

    /** How a run ended. */
    public record Outcome(boolean complete, String reason) {}

    private final Options options;
    private final Path dataDir;
    private final BatchTimeline timeline = new BatchTimeline(Clock.systemUTC());
    private final ProgressReporter reporter;
    private EmbeddedPostgres postgres;
    private PushProverSimulator prover;
    private Gateway gateway;
    private PushCoreSimulator core;

    private PushDevnet(Options options, PrintStream out, boolean tty, Path dataDir) {
        this.options = options;
        this.dataDir = dataDir;
        this.reporter = new ProgressReporter(timeline, out, tty, options.batches());
    }

    /** The {@code devnet --api-mode prover-cluster} run: start, wait, print the summary; 0 when every proof was fetched. */
    public static int run(Options options, PrintStream out, boolean tty) throws InterruptedException {
        try (PushDevnet devnet = start(options, out, tty)) {
            out.println("devnet (ProverCluster): gateway " + devnet.gatewayUrl() + "  prover DB " + devnet.databaseUrl()
                    + "  metrics " + devnet.metricsUrl());
            Outcome outcome = devnet.awaitCompletion();
            out.print(devnet.summary());
            if (outcome.complete()) {
                out.println("devnet OK: " + outcome.reason());
                return 0;
            }
            System.err.println("devnet FAILED: " + outcome.reason());
            return 1;
        }
    }

    public static PushDevnet start(Options options, PrintStream out, boolean tty) {
        PushDevnet devnet = new PushDevnet(options, out, tty, tempDir());
        try {
            devnet.startAll();
            return devnet;
        } catch (RuntimeException e) {
            devnet.close();
            throw e;
        }
    }

    private void startAll() {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg")).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
        SchemaInstaller.install(postgres.getPostgresDatabase(), SchemaDialect.CHAIN_ID);
        FileBlobStore store = new FileBlobStore(dataDir.resolve("store"));
        prover = new PushProverSimulator(postgres.getPostgresDatabase(), store, options.seed(), options.proverDelay(),
                reporter).start();
        gateway = Gateway.start(gatewayConfig(store.base()));
        core = new PushCoreSimulator(PushCoreSimulator.Settings.defaults("http://127.0.0.1:" + gateway.pushPort())
                .with(options.seed(), options.mode(), options.proofGenerationTimeout(), Duration.ofMillis(200),
                        options.fetchInterval(), reporter), options.batches()).start();
    }

    private GatewayConfig gatewayConfig(Path storeBase) {
        ApiConfig unused = new ApiConfig("http://127.0.0.1:3320", Duration.ofSeconds(5), Duration.ofSeconds(30),
                1L << 20, Optional.empty(), Optional.empty());
        MetricsConfig metrics = new MetricsConfig("127.0.0.1", options.metricsPort(), Optional.empty(),
                Optional.empty());
        ObjectStoreConfig objectStore = new ObjectStoreConfig(ObjectStoreConfig.Mode.FileBacked, Optional.empty(),
                Optional.empty(), Optional.of(storeBase), 2, Optional.empty());
        DatabaseConfig database = new DatabaseConfig(PostgresUrl.parse(databaseUrl(), "devnet database URL"), 4);
        return new GatewayConfig(unused, Duration.ofSeconds(1), metrics, objectStore, database,
                dataDir.resolve("spool"), GatewayConfig.LogFormat.PLAIN)
                .withPushServer(new PushServerConfig("127.0.0.1", 0, 4L << 30));
    }

    /** Waits until the core fetched every proof and each job is {@code sent_to_server}, or a failure, or the timeout. */
    public Outcome awaitCompletion() throws InterruptedException {
        Instant deadline = Instant.now().plus(options.timeout());
        int expected = options.batches();
        timeline.awaitUntil(t -> t.acknowledgedCount() >= expected || !t.problems().isEmpty()
                || gateway.died().isDone(), deadline);
        boolean fetched = timeline.acknowledgedCount() >= expected;
        boolean marked = fetched && timeline.awaitUntil(t -> markedSent() >= expected, deadline);
        reporter.finish();
        if (!timeline.problems().isEmpty()) {
            return new Outcome(false, String.join("; ", timeline.problems()));
        }
        if (marked) {
            return new Outcome(true, "the core fetched all " + expected + " proofs, all marked sent_to_server");
        }
        return new Outcome(false, "after " + options.timeout().toSeconds() + " s the core fetched "
                + timeline.acknowledgedCount() + "/" + expected + " proofs; " + markedSent()
                + " jobs marked sent_to_server");
    }

    /** The summary table, naming the profile. */
    public String summary() {
        return "profile: ProverCluster (the core pushes witness inputs and polls for proofs; CBOR objects with chain id "
                + "keys; chain-id prover schema)\n" + new SummaryTable(timeline, options.batches()).render()
                + "pushes accepted by the gateway: " + core.acceptedPushes() + " (re-pushes after the proof generation "
                + "timeout included)\n";
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.pushPort();
    }

    public String databaseUrl() {
        return "postgres://postgres:postgres@127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public String metricsUrl() {
        return "http://127.0.0.1:" + gateway.metricsPort() + "/metrics";
    }

    public int acceptedPushes() {
        return core.acceptedPushes();
    }

    private int markedSent() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM proof_compression_jobs_fri"
                        + " WHERE status = 'sent_to_server'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("devnet cannot read proof_compression_jobs_fri: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {core, gateway, prover, postgres}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    log.warn("devnet part did not close cleanly part={} error={}", part.getClass().getSimpleName(), e);
                }
            }
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("devnet temp dir not removed dir={} error={}", dataDir, e.toString());
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("prover-gateway-push-devnet-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for the devnet", e);
        }
    }
}
