package io.provergateway;

import io.provergateway.api.CoreHttpClient;
import io.provergateway.config.ApiMode;
import io.provergateway.config.ConfigException;
import io.provergateway.config.GatewayConfig;
import io.provergateway.db.DataSources;
import io.provergateway.db.JobStatistics;
import io.provergateway.db.PostgresProverDatabase;
import io.provergateway.db.ProverDatabase;
import io.provergateway.db.SchemaCheck;
import io.provergateway.db.SchemaDialect;
import io.provergateway.fetcher.ProofGenDataFetcher;
import io.provergateway.fetcher.WitnessSpool;
import io.provergateway.loop.FailurePolicy;
import io.provergateway.loop.PollingLoop;
import io.provergateway.loop.StopSignal;
import io.provergateway.metrics.MetricsServer;
import io.provergateway.metrics.PrometheusGatewayMetrics;
import io.provergateway.metrics.Readiness;
import io.provergateway.ops.JobStatsTask;
import io.provergateway.ops.ReadinessProbe;
import io.provergateway.push.PushServer;
import io.provergateway.push.PushTransport;
import io.provergateway.store.BlobStore;
import io.provergateway.store.BlobStores;
import io.provergateway.store.RetryingBlobStore;
import io.provergateway.store.StoreTimeouts;
import io.provergateway.submitter.ProofSubmitter;
import io.provergateway.submitter.ReplyCountingCore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the gateway by hand from its configuration and runs its two loops (fetcher, submitter) on their own threads
 * until {@link #close()}. Every part it opens is closed in reverse order.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** An exchange with the core that moved no byte for this long counts as silent and is cut at a stop. */
    static final Duration SILENT_EXCHANGE = Duration.ofSeconds(2);
    /** After the grace period: how long a loop may take to finish what it is committing (DB, spool) at most. */
    static final Duration COMMIT_GRACE = Duration.ofSeconds(3);
    private static final Duration STOP_POLL = Duration.ofMillis(50);
    /** Shortest wait between idle polls, so a poll period of 0 (allowed upstream) does not spin. */
    private static final Duration MIN_POLL = Duration.ofMillis(100);

    private final StopSignal stop;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final CompletableFuture<String> died = new CompletableFuture<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<PollingLoop> loops = new CopyOnWriteArrayList<>();
    private CoreHttpClient core;
    private MetricsServer metricsServer;
    private volatile Readiness.Check readiness = () -> new Readiness(
            List.of("database: start-up: waiting for the prover database and its schema"), List.of());
    private Duration shutdownGrace = Duration.ZERO;
    private PushServer pushServer;

    private Gateway(StopSignal stop) {
        this.stop = stop;
    }

    /** Builds every part from {@code config}, waits for a usable prover DB, then starts both loops. */
    public static Gateway start(GatewayConfig config) {
        return start(config, new StopSignal());
    }

    /** As {@link #start(GatewayConfig)}; {@code stop} set at any time (even during start) stops the gateway. */
    public static Gateway start(GatewayConfig config, StopSignal stop) {
        return start(config, stop, Clock.systemUTC());
    }

    static Gateway start(GatewayConfig config, StopSignal stop, Clock clock) {
        Gateway gateway = new Gateway(stop);
        try {
            gateway.wire(config, clock);
            return gateway;
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    private void wire(GatewayConfig config, Clock clock) {
        shutdownGrace = config.recovery().shutdownGrace();
        PrometheusGatewayMetrics metrics = PrometheusGatewayMetrics.withJvmMetrics();
        metricsServer = own(new MetricsServer(config.metrics(), metrics, () -> readiness.check()));
        metricsServer.start();
        FailurePolicy policy = policy(config);
        BlobStore store = own(objectStore(config, metrics, policy));
        boolean pull = config.apiMode() != ApiMode.ProverCluster;
        WitnessSpool spool = pull ? own(WitnessSpool.open(config.spoolPath())) : null;
        core = pull ? new CoreHttpClient(config.api(), config.api().acceptZstd()) : null;
        DataSource dataSource = own(DataSources.create(config.database()));
        StartupCheck.awaitSchema(config.database(), dataSource, stop, policy, SchemaDialect.of(config.apiMode()));
        if (stop.isStopped()) {
            return;
        }
        readiness = new ReadinessProbe(dataSource, store, SchemaDialect.of(config.apiMode()), this::health);
        if (config.apiMode() == ApiMode.ProverCluster) { // the whole push-mode profile: see PushTransport
            pushServer = own(PushTransport.start(config, dataSource, store, metrics, clock));
            startLoops(List.of(jobStatsLoop(config, dataSource, metrics, policy)));
            LOG.info("gateway started api_mode=ProverCluster port={} metrics={}:{}", pushServer.port(),
                    config.metrics().host(), metricsServer.port());
            return;
        }
        ProverDatabase database = new PostgresProverDatabase(dataSource);
        Duration poll = config.pollInterval().compareTo(MIN_POLL) < 0 ? MIN_POLL : config.pollInterval();
        ReplyCountingCore sharedCore = new ReplyCountingCore(core);
        Duration probe = poll.compareTo(ProofSubmitter.PROBE_INTERVAL) > 0 ? ProofSubmitter.PROBE_INTERVAL : poll;
        startLoops(List.of(
                new PollingLoop(new ProofGenDataFetcher(sharedCore, spool, store, database, metrics, clock, true),
                        poll, policy, stop, metrics),
                new PollingLoop(new ProofSubmitter(sharedCore, store, database, metrics, clock, policy, poll), probe,
                        policy, stop, metrics),
                jobStatsLoop(config, dataSource, metrics, policy)));
        LOG.info("gateway started api_url={} poll_interval_ms={} metrics={}:{} spool={}", config.api().baseUrl(),
                config.pollInterval().toMillis(), config.metrics().host(), metricsServer.port(), config.spoolPath());
    }

    /**
     * The object store, built before the database is waited for: it makes no network call yet, so whatever fails
     * here is a setting (mode, bucket, credentials file) and is reported as a configuration error.
     */
    private BlobStore objectStore(GatewayConfig config, PrometheusGatewayMetrics metrics, FailurePolicy policy) {
        try {
            return BlobStores.create(config.objectStore(), metrics, RetryingBlobStore.Sleeper.untilStopped(stop::await),
                    policy.storeRetries(), System.getenv(), StoreTimeouts.DEFAULT);
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException("PROVER_OBJECT_STORE_MODE=" + config.objectStore().mode()
                    + ": the object store cannot be set up: " + e.getMessage(), e);
        }
    }

    /** Refreshes the job gauges every {@code FRI_PROVER_GATEWAY_JOB_STATS_INTERVAL_SECS} (both profiles). */
    private PollingLoop jobStatsLoop(GatewayConfig config, DataSource dataSource, PrometheusGatewayMetrics metrics,
            FailurePolicy policy) {
        return new PollingLoop(new JobStatsTask(new JobStatistics(dataSource), metrics),
                config.metrics().jobStatsInterval(), policy, stop, metrics);
    }

    private void startLoops(List<PollingLoop> toStart) {
        loops.addAll(toStart);
        for (PollingLoop loop : toStart) {
            Thread thread = new Thread(loop, "loop-" + threads.size());
            thread.setUncaughtExceptionHandler((t, e) -> died.complete(t.getName() + " died: " + e));
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    private static FailurePolicy policy(GatewayConfig config) {
        return new FailurePolicy(config.pollInterval(), config.recovery().maxRefusalHold(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    private Optional<String> health() {
        return loops.stream().map(PollingLoop::problem).flatMap(Optional::stream).reduce((a, b) -> a + "; " + b);
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    private boolean anyAlive() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    private void joinAll(long deadlineNanos) {
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Completes with a reason if a loop thread ends by itself (only a fatal VM error can do that). */
    public CompletableFuture<String> died() {
        return died;
    }

    /** The port the ProverCluster server is bound to (useful with port 0). */
    public int pushPort() {
        return pushServer.port();
    }

    /** The port the metrics listener is bound to (useful with port 0). */
    public int metricsPort() {
        return metricsServer.port();
    }

    /**
     * Stops gracefully: no new work; an exchange with the core that still moves bytes gets up to the shutdown grace
     * to finish (and its batch spooled, or its proof marked), a silent one is cut at once; then every exchange left
     * is cut and the loops get {@link #COMMIT_GRACE} to finish a commit in flight. Then every part is closed.
     */
    @Override
    public void close() {
        stop.stop();
        if (core != null) {
            core.refuseNewExchanges();
        }
        long graceEnd = System.nanoTime() + shutdownGrace.toNanos();
        while (anyAlive() && System.nanoTime() < graceEnd
                && core != null && core.cutSilentExchanges(SILENT_EXCHANGE) > 0) {
            joinAll(System.nanoTime() + STOP_POLL.toNanos());
        }
        if (core != null) {
            core.abortInFlight();
        }
        joinAll(System.nanoTime() + COMMIT_GRACE.toNanos());
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                LOG.warn("{} did not stop within the shutdown grace ({} s) + {} s; abandoning it", thread.getName(),
                        shutdownGrace.toSeconds(), COMMIT_GRACE.toSeconds());
            }
        }
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", e.getClass().getSimpleName(), e.getMessage());
            }
        }
        LOG.info("gateway stopped");
    }
}
