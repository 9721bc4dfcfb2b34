package io.provergateway.devnet;

import io.provergateway.Gateway;
import io.provergateway.config.ApiConfig;
import io.provergateway.config.DatabaseConfig;
import io.provergateway.config.GatewayConfig;
import io.provergateway.config.MetricsConfig;
import io.provergateway.config.ObjectStoreConfig;
import io.provergateway.config.PostgresUrl;
import io.provergateway.db.SchemaInstaller;
import io.provergateway.loop.StopSignal;
import io.provergateway.store.FileBlobStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts and stops the devnet's parts in order; what started is closed even if a later part fails to start. */
final class DevnetServices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DevnetServices.class);
    private static final String DB_USER = "postgres";
    private static final String DB_PASSWORD = "postgres";
    private static final Duration PG_STOP_WAIT = Duration.ofSeconds(10);

    private final Path dataDir;
    private final boolean temporary;
    private EmbeddedPostgres postgres;
    private FileBlobStore store;
    private CoreSimulator core;
    private ProverSimulator prover;
    private Gateway gateway;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DevnetServices(Path dataDir, boolean temporary) {
        this.dataDir = dataDir;
        this.temporary = temporary;
    }

    static DevnetServices start(Devnet.Options options, Path dataDir, boolean temporary, BatchEvents events) {
        DevnetServices services = new DevnetServices(dataDir, temporary);
        try {
            services.startAll(options, events);
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private void startAll(Devnet.Options options, BatchEvents events) {
        postgres = startPostgres(dataDir.resolve("pg"));
        long firstBatch = installSchemaAndFindFirstBatch(postgres.getPostgresDatabase());
        store = new FileBlobStore(dataDir.resolve("store"));
        core = CoreSimulator.start(CoreSimulator.Settings.defaults()
                .withSeed(options.coreSeed())
                .withMode(options.mode())
                .withProofGenerationTimeout(options.proofGenerationTimeout())
                .withFirstBatch(firstBatch)
                .withEvents(events));
        prover = new ProverSimulator(proverDb(), store, ProverSimulator.Settings.defaults()
                .withSeed(options.proverSeed())
                .withDelay(options.proverDelay())
                .withSkipShare(options.skipShare())
                .withEvents(events)).start();
        gateway = startGatewayWithin(options.timeout(), gatewayConfig(options));
    }

    /** The gateway waits for its database forever, as it should in production; the devnet gives up at its timeout. */
    private static Gateway startGatewayWithin(Duration timeout, GatewayConfig config) {
        StopSignal stop = new StopSignal();
        CompletableFuture.runAsync(stop::stop, CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
        Gateway started = Gateway.start(config, stop);
        if (stop.isStopped()) {
            started.close();
            throw new IllegalStateException("the gateway could not start within " + timeout.toSeconds()
                    + " s (its database never answered)");
        }
        return started;
    }

    private GatewayConfig gatewayConfig(Devnet.Options options) {
        ApiConfig api = new ApiConfig(core.baseUrl().toString(), Duration.ofSeconds(5), Duration.ofSeconds(30),
                256L * 1024 * 1024, Optional.empty(), Optional.empty());
        MetricsConfig metrics =
                new MetricsConfig("127.0.0.1", options.metricsPort(), Optional.empty(), Optional.empty());
        ObjectStoreConfig objectStore = new ObjectStoreConfig(ObjectStoreConfig.Mode.FileBacked, Optional.empty(),
                Optional.empty(), Optional.of(store.base()), 2, Optional.empty());
        DatabaseConfig database = new DatabaseConfig(PostgresUrl.parse(databaseUrl(), "devnet database URL"), 4);
        return new GatewayConfig(api, options.pollInterval(), metrics, objectStore, database,
                dataDir.resolve("spool"), GatewayConfig.LogFormat.PLAIN);
    }

    private static EmbeddedPostgres startPostgres(Path pgDir) {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + pgDir, e);
        }
    }

    /** Installs the prover schema unless a previous run did; new batches follow the highest one already stored. */
    private static long installSchemaAndFindFirstBatch(DataSource db) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('public.witness_inputs_fri') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    SchemaInstaller.install(db);
                    return 1;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(l1_batch_number), 0) FROM witness_inputs_fri")) {
                rs.next();
                return rs.getLong(1) + 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the devnet prover DB: " + e.getMessage(), e);
        }
    }

    CoreSimulator core() {
        return core;
    }

    ProverSimulator prover() {
        return prover;
    }

    FileBlobStore store() {
        return store;
    }

    DataSource proverDb() {
        return postgres.getPostgresDatabase();
    }

    String databaseUrl() {
        return "postgres://" + DB_USER + ":" + DB_PASSWORD + "@127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    URI metricsUrl() {
        return URI.create("http://127.0.0.1:" + gateway.metricsPort() + "/metrics");
    }

    /** How many of the batches in [first, last] the gateway has marked {@code sent_to_server}. */
    int markedSent(long first, long last) {
        String sql = "SELECT COUNT(*) FROM proof_compression_jobs_fri"
                + " WHERE l1_batch_number BETWEEN ? AND ? AND status = 'sent_to_server'";
        try (Connection c = proverDb().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, first);
            s.setLong(2, last);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("devnet cannot read proof_compression_jobs_fri: " + e.getMessage(), e);
        }
    }

    /** Why the gateway stopped on its own, if it did. */
    Optional<String> gatewayDied() {
        return Optional.ofNullable(gateway.died().getNow(null));
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        for (AutoCloseable part : new AutoCloseable[] {gateway, prover, core, postgres}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    log.warn("devnet part did not close cleanly part={} error={}", part.getClass().getSimpleName(), e);
                }
            }
        }
        if (temporary) {
            awaitPostgresStopped(dataDir.resolve("pg"));
            deleteRecursively(dataDir);
        }
    }

    /**
     * On JVM shutdown the embedded PostgreSQL's own hook may be the one stopping it, and our close returns at once;
     * the server is down when it has removed its pid file.
     */
    private static void awaitPostgresStopped(Path pgDir) {
        Path pidFile = pgDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + PG_STOP_WAIT.toNanos();
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("devnet temp dir not removed dir={} error={}", dir, e.toString());
        }
    }
}
