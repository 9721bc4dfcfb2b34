package io.provergateway.bench;

import io.provergateway.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: generates its own data, runs every measurement beside its baseline in the same run and prints one
 * table (figure, ours, baseline, ratio, target, met). Each benchmark is a function from a scratch directory to rows.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure ingest, codec, drain, zstd and proof latency beside their baselines; print one table.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--work-dir", description = "Scratch directory (default: a temp dir, removed at exit)")
    Path workDir;

    @Option(names = "--only", split = ",", description = "Run only these benchmarks, by position (1 = codec, "
            + "2 = ingest and zstd, 3 = drain, 4 = proof latency)")
    List<Integer> only;

    /** The benchmarks, in table order. Each one gets its own sub-directory of the scratch directory. */
    static List<Function<Path, List<BenchRow>>> benchmarks() {
        List<Function<Path, List<BenchRow>>> all = new ArrayList<>();
        all.add(dir -> CodecBench.run(BenchData.batch(dir), dir));
        all.add(IngestBench::run);
        all.add(DrainBench::run);
        all.add(ProofLatencyBench::run);
        return all;
    }

    @Option(names = "--gateway-jar", description = "Run this jar as the gateway in the ingest and drain benchmarks "
            + "(default: this one), to compare builds on the same harness")
    Path gatewayJar;

    @Override
    public Integer call() throws IOException {
        Main.noNagleInHttpServers(); // the simulators' small replies must not wait for delayed ACKs
        if (gatewayJar != null) {
            System.setProperty(GatewayProcess.JAR_PROPERTY, gatewayJar.toAbsolutePath().toString());
            System.out.println("gateway: " + gatewayJar.toAbsolutePath());
        }
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("prover-gateway-bench");
        List<BenchRow> rows = new ArrayList<>();
        List<Function<Path, List<BenchRow>>> all = benchmarks();
        try {
            System.out.println(BenchMachine.describe());
            for (int i = 0; i < all.size(); i++) {
                if (only != null && !only.contains(i + 1)) {
                    continue;
                }
                settle();
                rows.addAll(all.get(i).apply(Files.createDirectories(dir.resolve("bench-" + i))));
            }
        } finally {
            if (workDir == null) {
                deleteTree(dir);
            }
        }
        System.out.println("after: " + BenchMachine.load());
        System.out.print(BenchTable.render(rows));
        return 0;
    }

    /**
     * Lets the previous benchmark's after-effects pass before the next one starts: its garbage collected, the dirty
     * pages it left (hundreds of MB of batch files) written back, so they do not queue in front of the next one's
     * fsyncs. Measured: the drain after the ingest benchmark ran at 104-142 batches/s without this, ~200 alone.
     */
    private static void settle() {
        System.gc();
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException e) {
            // no sync(1) here: the kernel writes the pages back by itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
