package io.provergateway.bench;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ingest end to end, as issue 10 measures it: a local core hands out the ~200 MB batch, and the clock stops when a
 * separate gateway process ({@code -Xmx192m}) has committed its {@code witness_inputs_fri} row (fetch, transcode,
 * spool, store, database). Run once with {@code FRI_PROVER_GATEWAY_API_ZSTD=false} (identity on the wire) and once
 * with the default (zstd), beside a bare Jackson scan of the same file in this JVM. The first batch of each gateway
 * warms its JIT and is not counted.
 */
final class IngestBench {
    private static final int HEAD = 4096;
    private static final int ROUNDS = 4;
    private static final long TIMEOUT_NANOS = 300_000_000_000L;

    private IngestBench() {
    }

    record Phase(double megabytesPerSecond, double wireMegabytes, double peakRssMiB, boolean askedForZstd) {}

    static List<BenchRow> run(Path dir) {
        Path json = BenchData.batch(dir);
        long size = CodecBench.size(json);
        Measure.Result scan = Measure.median(2, 3, () -> CodecBench.jacksonScan(json));
        double baseline = scan.megabytesPerSecond(size);
        try (BenchDatabase db = new BenchDatabase(dir.resolve("pg"))) {
            Phase identity = phase(dir.resolve("identity"), db, json, 1_000_001, Map.of("FRI_PROVER_GATEWAY_API_ZSTD",
                    "false"));
            Phase zstd = phase(dir.resolve("zstd"), db, json, 2_000_001, Map.of());
            double sizeMb = size / 1e6;
            return List.of(
                    new BenchRow("ingest end to end (200 MB batch, core → row committed) vs bare Jackson scan", "MB/s",
                            identity.megabytesPerSecond(), baseline, true, "≥ 1.5×",
                            identity.megabytesPerSecond() >= 1.5 * baseline),
                    new BenchRow("ingest end to end with zstd on the wire vs identity", "MB/s",
                            zstd.megabytesPerSecond(), identity.megabytesPerSecond(), true, "report", true),
                    new BenchRow("zstd: bytes on the wire per batch vs identity", "MB", zstd.wireMegabytes(), sizeMb,
                            false, "switch FRI_PROVER_GATEWAY_API_ZSTD works",
                            zstd.askedForZstd() && !identity.askedForZstd()),
                    new BenchRow("peak RSS of the gateway at " + GatewayProcess.HEAP + ", 200 MB batches", "MiB",
                            Math.max(identity.peakRssMiB(), zstd.peakRssMiB()), Double.NaN, false, "≤ 256 MiB",
                            Math.max(identity.peakRssMiB(), zstd.peakRssMiB()) <= 256));
        }
    }

    private static Phase phase(Path dir, BenchDatabase db, Path json, long firstBatch, Map<String, String> env) {
        byte[] head = head(json);
        try (BenchCore core = new BenchCore();
                GatewayProcess gateway = GatewayProcess.start(dir, core.url(), db.url(), env)) {
            List<Double> rates = new ArrayList<>();
            List<Double> wire = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long batch = firstBatch + round;
                byte[] renumbered = BenchPayload.renumberHead(head, batch);
                Path compressed = env.isEmpty() ? compress(json, renumbered, dir.resolve("batch.zst")) : null;
                core.resetWireBytes();
                core.offer(BenchCore.file(json, renumbered, compressed));
                long stored = db.awaitRows(batch, batch, 1, TIMEOUT_NANOS);
                gateway.requireAlive();
                double seconds = (stored - core.lastHandedOutNanos()) / 1e9;
                if (round > 0) {
                    rates.add(CodecBench.size(json) / 1e6 / seconds);
                    wire.add(core.wireBytes() / 1e6);
                }
            }
            return new Phase(median(rates), median(wire), gateway.peakRssMiB(), core.sawZstdRequest());
        }
    }

    private static byte[] head(Path json) {
        try (InputStream in = Files.newInputStream(json)) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** zstd level 3 (what the core's compression layer uses by default) of the renumbered body. */
    private static Path compress(Path json, byte[] head, Path out) {
        try (OutputStream zstd = new ZstdOutputStream(Files.newOutputStream(out), 3);
                InputStream in = Files.newInputStream(json)) {
            zstd.write(head);
            in.skipNBytes(head.length);
            in.transferTo(zstd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

}
