package io.provergateway.bench;

import com.sun.net.httpserver.HttpServer;
import io.provergateway.api.CoreHttpClient;
import io.provergateway.config.ApiConfig;
import io.provergateway.wire.ProofGenerationDataTranscoder;
import io.provergateway.wire.TranscodeResult;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * End-to-end fetch throughput: a local HTTP server streams a valid payload of the requested size, the real
 * {@link CoreHttpClient} and transcoder write its bincode to a file. Prints MB/s and the peak heap. Run with a small
 * {@code -Xmx} to show that memory does not grow with the payload:
 * {@code java -Xmx64m -cp <test classpath> io.provergateway.bench.FetchBenchmark 1024}.
 */
public final class FetchBenchmark {
    private FetchBenchmark() {}

    public static void main(String[] args) throws Exception {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 256;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        LargePayload payload = new LargePayload(1);
        long entries = Math.max(0, megabytes * 1_000_000 / payload.entryBytes());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, payload.totalBytes(entries));
                try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
                    payload.writeTo(out, entries);
                }
            }
        });
        server.start();
        Path out = Files.createTempFile("bench-witness", ".bin");
        try {
            CoreHttpClient client = new CoreHttpClient(new ApiConfig("http://127.0.0.1:" + server.getAddress().getPort(),
                    Duration.ofSeconds(5), Duration.ofSeconds(60), Long.MAX_VALUE, Optional.empty(), Optional.empty()),
                    false);
            for (int round = 1; round <= rounds; round++) {
                long started = System.nanoTime();
                TranscodeResult result = client.fetchProofGenerationData(
                        body -> new ProofGenerationDataTranscoder().transcode(body, out));
                double seconds = (System.nanoTime() - started) / 1e9;
                double jsonMb = payload.totalBytes(entries) / 1e6;
                System.out.printf("round %d: %.0f MB JSON -> %.0f MB bincode in %.2f s = %.0f MB/s JSON, peak heap %d MiB (%s)%n",
                        round, jsonMb, Files.size(out) / 1e6, seconds, jsonMb / seconds, peakHeapMiB(),
                        result.getClass().getSimpleName());
            }
        } finally {
            Files.deleteIfExists(out);
            server.stop(0);
            System.exit(0);
        }
    }

    private static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
