package io.provergateway.store;

import io.provergateway.config.ObjectStoreConfig;
import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.testsupport.FakeGcsServer;
import io.provergateway.testsupport.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Manual measurement (not a test): one object put and read back through a remote store, printing the times and the
 * process's peak RSS. Run the server side in another JVM so its copy of the object is not counted:
 * {@code gcs-server <key.json> <url-file>} starts the fake GCS server; {@code gcs <file> <url> <key.json>} or
 * {@code s3 <file> <endpoint> <aws-credentials>} (bucket {@code bench}) runs the client.
 */
public final class RemoteStoreMemoryRun {
    private RemoteStoreMemoryRun() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("gcs-server")) {
            FakeGcsServer gcs = FakeGcsServer.start();
            gcs.auth().writeServiceAccountKey(Path.of(args[1]));
            Files.writeString(Path.of(args[2]), gcs.url());
            Thread.sleep(Long.MAX_VALUE);
        }
        Path file = Path.of(args[1]);
        ObjectStoreConfig config = args[0].equals("s3")
                ? S3ProxyServer.config(URI.create(args[2]), "bench", Path.of(args[3]), 0)
                : new ObjectStoreConfig(ObjectStoreConfig.Mode.GCSWithCredentialFile, Optional.of("bench"),
                        Optional.of(Path.of(args[3])), Optional.empty(), 0, Optional.empty());
        try (BlobStore store = BlobStores.create(config, GatewayMetrics.NOOP, RetryingBlobStore.Sleeper.SYSTEM,
                Map.of("STORAGE_EMULATOR_HOST", args[2]), StoreTimeouts.DEFAULT)) {
            long start = System.nanoTime();
            store.put(ObjectKeys.WITNESS_INPUTS, "witness_inputs_1.bin", file);
            long stored = System.nanoTime();
            long bytes;
            try (InputStream in = store.open(ObjectKeys.WITNESS_INPUTS, "witness_inputs_1.bin")) {
                bytes = in.transferTo(OutputStream.nullOutputStream());
            }
            long read = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s bytes=%d put_s=%.1f get_s=%.1f peak_rss_mib=%d max_heap_mib=%d%n",
                    args[0], bytes, (stored - start) / 1e9, (read - stored) / 1e9, peakRssMiB(),
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static long peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
