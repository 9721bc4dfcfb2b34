package io.provergateway.bench;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.wire.ProofGenerationDataJson;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backlog drain: 600 small (validium, devnet-sized) batches wait at the core; a gateway process ({@code -Xmx192m})
 * stores them back to back. Measured from the first hand-out to the 600th committed row. Upstream stores one batch
 * per poll period (15 s by default), so there is no baseline to run beside it.
 */
final class DrainBench {
    static final int BATCHES = 600;
    private static final long FIRST = 3_000_001;

    private DrainBench() {
    }

    static List<BenchRow> run(Path dir) {
        WitnessDataGenerator generator = new WitnessDataGenerator(5, CommitmentMode.VALIDIUM);
        long bytes = 0;
        try (BenchDatabase db = new BenchDatabase(dir.resolve("pg")); BenchCore core = new BenchCore()) {
            for (int i = 0; i < BATCHES; i++) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                ProofGenerationDataJson.writeResponse(Optional.of(generator.generate(FIRST + i)), body);
                bytes += body.size();
                core.offer(BenchCore.inMemory(body.toByteArray()));
            }
            try (GatewayProcess gateway = GatewayProcess.start(dir.resolve("gateway"), core.url(), db.url(),
                    Map.of())) {
                long done = db.awaitRows(FIRST, FIRST + BATCHES - 1, BATCHES, 600_000_000_000L);
                gateway.requireAlive();
                double rate = BATCHES / ((done - core.firstHandedOutNanos()) / 1e9);
                double rss = gateway.peakRssMiB();
                return List.of(
                        new BenchRow("backlog drain: " + BATCHES + " small batches (" + bytes / BATCHES / 1000
                                + " KB each) waiting at the core", "batches/s", rate, Double.NaN, true, "≥ 150/s",
                                rate >= 150),
                        new BenchRow("peak RSS of the gateway at " + GatewayProcess.HEAP + ", backlog drain", "MiB",
                                rss, Double.NaN, false, "≤ 256 MiB", rss <= 256));
            }
        }
    }
}
