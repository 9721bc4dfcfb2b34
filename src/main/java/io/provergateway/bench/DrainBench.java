package io.provergateway.bench;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.wire.ProofGenerationDataJson;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backlog drain: 600 small (validium, devnet-sized) batches wait at the core; a gateway process ({@code -Xmx192m})
 * stores them back to back. Measured from the first hand-out to the 600th committed row, in {@link #ROUNDS} rounds with
 * the same process: the first fresh (the JIT compiles the gateway's code while it drains), the last warm. Upstream
 * stores one batch per poll period (15 s by default), so there is no baseline to run beside it.
 */
final class DrainBench {
    static final int BATCHES = 600;
    private static final int ROUNDS = 3;
    private static final long FIRST = 3_000_001;

    private DrainBench() {
    }

    static List<BenchRow> run(Path dir) {
        WitnessDataGenerator generator = new WitnessDataGenerator(5, CommitmentMode.VALIDIUM);
        try (BenchDatabase db = new BenchDatabase(dir.resolve("pg")); BenchCore core = new BenchCore()) {
            List<List<byte[]>> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                rounds.add(bodies(generator, FIRST + round * BATCHES));
            }
            long bytes = rounds.get(0).stream().mapToLong(body -> body.length).sum();
            try (GatewayProcess gateway = GatewayProcess.start(dir.resolve("gateway"), core.url(), db.url(),
                    Map.of())) {
                double[] rates = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    rates[round] = drain(db, core, rounds.get(round), FIRST + round * BATCHES);
                }
                double fresh = rates[0];
                double warm = rates[ROUNDS - 1];
                gateway.requireAlive();
                double rss = gateway.peakRssMiB();
                String what = BATCHES + " small batches (" + bytes / BATCHES / 1000 + " KB each) waiting at the core";
                return List.of(
                        new BenchRow("backlog drain, warm gateway (round " + ROUNDS + "): " + what, "batches/s", warm, Double.NaN, true,
                                "≥ 150/s", warm >= 150),
                        new BenchRow("backlog drain, fresh gateway process (round 1, JIT warming up): " + what, "batches/s",
                                fresh, Double.NaN, true, "report", true),
                        new BenchRow("peak RSS of the gateway at " + GatewayProcess.HEAP + ", backlog drain", "MiB",
                                rss, Double.NaN, false, "≤ 256 MiB", rss <= 256));
            }
        }
    }

    /** {@link #BATCHES} response bodies numbered from {@code first}. */
    private static List<byte[]> bodies(WitnessDataGenerator generator, long first) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            ProofGenerationDataJson.writeResponse(Optional.of(generator.generate(first + i)), body);
            bodies.add(body.toByteArray());
        }
        return bodies;
    }

    /** Queues {@code bodies}; batches per second from their first hand-out to the last committed row. */
    private static double drain(BenchDatabase db, BenchCore core, List<byte[]> bodies, long first) {
        core.resetFirstHandedOut();
        bodies.forEach(body -> core.offer(BenchCore.inMemory(body)));
        long done = db.awaitRows(first, first + BATCHES - 1, BATCHES, 600_000_000_000L);
        return BATCHES / ((done - core.firstHandedOutNanos()) / 1e9);
    }
}
