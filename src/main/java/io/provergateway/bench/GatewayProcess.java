package io.provergateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as an operator runs it: a separate JVM from this jar ({@code java -Xmx192m ... io.provergateway.Main}),
 * configured only through the upstream environment variables, its output in a log file. Reports its peak RSS.
 */
final class GatewayProcess implements AutoCloseable {
    /** The heap the benchmarks give the gateway. */
    static final String HEAP = "-Xmx192m";
    /** System property naming another build's jar to run as the gateway ({@code bench --gateway-jar}). */
    static final String JAR_PROPERTY = "prover-gateway.bench.gateway-jar";

    private final Process process;
    private final Path log;

    private GatewayProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts a gateway against {@code coreUrl} and {@code databaseUrl}, with its store and spool under {@code dir}. */
    static GatewayProcess start(Path dir, String coreUrl, String databaseUrl, Map<String, String> extraEnv) {
        try {
            Files.createDirectories(dir.resolve("store"));
            Path log = dir.resolve("gateway.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), HEAP, "-cp", System.getProperty(JAR_PROPERTY, System.getProperty("java.class.path")),
                    "io.provergateway.Main"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("FRI_") || k.startsWith("PROVER_") || k.startsWith("DATABASE_")
                    || k.startsWith("MISC_") || k.startsWith("JAVA_TOOL"));
            env.put("FRI_PROVER_GATEWAY_API_URL", coreUrl);
            env.put("FRI_PROVER_GATEWAY_API_POLL_DURATION_SECS", "1");
            env.put("FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_HOST", "127.0.0.1");
            env.put("FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_PORT", Integer.toString(freePort()));
            env.put("FRI_PROVER_GATEWAY_SPOOL_PATH", dir.resolve("spool").toString());
            env.put("PROVER_OBJECT_STORE_MODE", "FileBacked");
            env.put("PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH", dir.resolve("store").toString());
            env.put("DATABASE_PROVER_URL", databaseUrl);
            env.putAll(extraEnv);
            return new GatewayProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the gateway process", e);
        }
    }

    /** The resident set's high-water mark (VmHWM) in MiB, or NaN where /proc is not available. */
    double peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the gateway exited with " + process.exitValue() + "; see " + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
