package io.provergateway.bench;

import io.provergateway.Gateway;
import io.provergateway.api.CoreHttpClient;
import io.provergateway.config.ConfigLoader;
import io.provergateway.config.GatewayConfig;
import io.provergateway.db.DataSources;
import io.provergateway.db.PostgresProverDatabase;
import io.provergateway.devnet.ProofGenerator;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.loop.FailurePolicy;
import io.provergateway.loop.PollingLoop;
import io.provergateway.loop.StopSignal;
import io.provergateway.metrics.PrometheusGatewayMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.provergateway.store.BlobStores;
import io.provergateway.store.ObjectKeys;
import io.provergateway.submitter.ProofSubmitter;
import io.provergateway.submitter.ReplyCountingCore;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.ProtocolVersion;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Issue 10 target 2: how long a proof that turns {@code successful} takes to reach the core, and how much database
 * time the gateway's queries cost while nothing happens, at default settings (15 s poll) on a prover DB with 100,000
 * sent batches. Baseline, measured in the same run on the same database: the previous submitter (the full claim and
 * the oldest-unsent query on every run, then a full poll period of waiting when idle), wired alone (so its database
 * figure leaves out the job-statistics queries that "ours", the whole gateway, includes). Database time is the
 * execution + planning time {@code pg_stat_statements} records for the gateway's own role.
 */
public final class ProofLatencyBench {
    static final int HISTORY = 100_000;
    static final Duration IDLE_WINDOW = Duration.ofSeconds(30);
    static final int PROOFS = 30;
    static final int BASELINE_PROOFS = 8;
    private static final ProtocolVersion VERSION = WitnessDataGenerator.PROTOCOL_VERSION;

    private ProofLatencyBench() {}

    public static List<BenchRow> run(Path workDir) {
        try (LatencyDatabase db = new LatencyDatabase(workDir.resolve("postgres"));
                LatencyCore core = new LatencyCore()) {
            db.history(HISTORY);
            Path store = Files.createDirectories(workDir.resolve("store"));
            GatewayConfig config = ConfigLoader.fromEnvironment(Map.of(
                    "FRI_PROVER_GATEWAY_API_URL", core.url(),
                    "FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_HOST", "127.0.0.1",
                    "FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_PORT", "0",
                    "FRI_PROVER_GATEWAY_SPOOL_PATH", workDir.resolve("spool").toString(),
                    "PROVER_OBJECT_STORE_MODE", "FileBacked",
                    "PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH", store.toString(),
                    "DATABASE_PROVER_URL", db.gatewayUrl()));
            Run run = new Run(db, core, store, HISTORY + 1);
            Figures baseline = run.measure(() -> baseline(config), BASELINE_PROOFS);
            Figures ours = run.measure(() -> Gateway.start(config), PROOFS);
            System.out.printf("proof latency: ours %s; baseline %s (history %d rows, poll %d s)%n", ours, baseline,
                    HISTORY, config.pollInterval().toSeconds());
            return List.of(
                    new BenchRow("proof ready → POST p50", "ms", ours.p50(), baseline.p50(), false, "≤ 250 ms",
                            ours.p50() <= 250),
                    new BenchRow("proof ready → POST p95", "ms", ours.p95(), baseline.p95(), false, "≤ 1000 ms",
                            ours.p95() <= 1000),
                    new BenchRow("idle DB time, all queries", "ms/s", ours.idleDbMillisPerSecond(),
                            baseline.idleDbMillisPerSecond(), false, "≤ 10 ms/s", ours.idleDbMillisPerSecond() <= 10));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The previous behaviour: a full claim (and the oldest-unsent query) per run, the poll period when idle. */
    private static AutoCloseable baseline(GatewayConfig config) {
        HikariDataSource dataSource = DataSources.create(config.database());
        PrometheusGatewayMetrics metrics = new PrometheusGatewayMetrics(new PrometheusRegistry());
        CoreHttpClient http = new CoreHttpClient(config.api(), true);
        FailurePolicy policy = FailurePolicy.forPollInterval(config.pollInterval());
        ProofSubmitter submitter = new ProofSubmitter(new ReplyCountingCore(http),
                BlobStores.create(config.objectStore(), metrics), new PostgresProverDatabase(dataSource), metrics,
                Clock.systemUTC(), policy, Duration.ZERO);
        StopSignal stop = new StopSignal();
        Thread loop = new Thread(new PollingLoop(submitter, config.pollInterval(), policy, stop, metrics),
                "baseline-submitter");
        loop.start();
        return () -> {
            stop.stop();
            http.abortInFlight();
            loop.join(10_000);
            dataSource.close();
        };
    }

    /** p50 / p95 of proof ready → POST (ms), and database time per second of idling (ms/s). */
    record Figures(double p50, double p95, double idleDbMillisPerSecond) {
        @Override
        public String toString() {
            return String.format("p50=%.0f ms p95=%.0f ms idle_db=%.2f ms/s", p50, p95, idleDbMillisPerSecond);
        }
    }

    @FunctionalInterface
    private interface Starter {
        AutoCloseable start() throws Exception;
    }

    /** One database, core and store shared by both measurements; batch numbers keep counting up. */
    private static final class Run {
        private final LatencyDatabase db;
        private final LatencyCore core;
        private final Path store;
        private final SplittableRandom random = new SplittableRandom(10);
        private long nextBatch;

        Run(LatencyDatabase db, LatencyCore core, Path store, long firstBatch) {
            this.db = db;
            this.core = core;
            this.store = store;
            this.nextBatch = firstBatch;
        }

        Figures measure(Starter starter, int proofs) {
            try (AutoCloseable gateway = starter.start()) {
                Thread.sleep(3_000);
                db.resetStatements();
                Thread.sleep(IDLE_WINDOW.toMillis());
                double idle = db.gatewayStatementMillis() / IDLE_WINDOW.toMillis() * 1000;
                System.out.println("gateway statements in " + IDLE_WINDOW.toSeconds() + " s idle:");
                db.gatewayStatements().forEach(line -> System.out.println("  " + line));
                List<Double> latencies = new ArrayList<>();
                for (int i = 0; i < proofs; i++) {
                    latencies.add(oneProof(nextBatch++));
                }
                latencies.sort(Double::compare);
                return new Figures(percentile(latencies, 50), percentile(latencies, 95), idle);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (Exception e) {
                throw new IllegalStateException("proof latency bench failed: " + e.getMessage(), e);
            }
        }

        /** A compression job in progress that turns successful at a random moment; ms until the core sees it. */
        private double oneProof(long batch) throws Exception {
            db.inProgress(batch);
            writeProof(batch);
            Thread.sleep(200 + random.nextInt(800));
            long ready = db.markSuccessful(batch);
            long deadline = ready + Duration.ofSeconds(60).toNanos();
            while (core.submittedAtNanos(batch) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("batch " + batch + " was not submitted within 60 s");
                }
                Thread.sleep(1);
            }
            return Math.max(0, core.submittedAtNanos(batch) - ready) / 1e6;
        }

        private void writeProof(long batch) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ProofCodec.writeBincode(new ProofGenerator(1).generate(batch, VERSION), bytes);
            Path file = store.resolve(ObjectKeys.PROOFS_FRI).resolve(ObjectKeys.l1BatchProof(batch, VERSION));
            Files.createDirectories(file.getParent());
            Files.write(file, bytes.toByteArray());
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
