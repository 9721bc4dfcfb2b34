package io.provergateway.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The built jar run as a real subprocess with a clean environment, in its own working directory; stdout and stderr
 * are captured to separate files next to each other ({@code name.out}, {@code name.err}).
 */
final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private GatewayProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("gateway.jar", "target/prover-gateway.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the gateway jar is not built: " + jar + " (run mvn verify)");
        }
        return jar.toAbsolutePath();
    }

    /**
     * Starts {@code java -Xmx256m -jar prover-gateway.jar args...} in {@code workDir} with exactly {@code env} (plus
     * PATH/HOME/JAVA_HOME); output goes to {@code workDir/name.out} and {@code workDir/name.err} (appended).
     */
    static GatewayProcess start(Map<String, String> env, Path workDir, String name, String... args)
            throws IOException {
        return startWithHeap("256m", env, workDir, name, args);
    }

    /** As {@link #start}, with {@code -Xmx{maxHeap}}. */
    static GatewayProcess startWithHeap(String maxHeap, Map<String, String> env, Path workDir, String name,
            String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        Path out = workDir.resolve(name + ".out");
        Path err = workDir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME") && !k.equals("JAVA_HOME"));
        environment.putAll(env);
        return new GatewayProcess(builder.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no cleanup. Waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then the exit code, or -1 if it did not exit within {@code limit}. */
    int terminate(Duration limit) throws InterruptedException {
        process.destroy();
        return waitFor(limit);
    }

    /** The exit code, or -1 if it did not exit within {@code limit}. */
    int waitFor(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until stdout or stderr contains {@code text}; fails early if the process exits first. */
    void awaitOutput(String text, Duration limit) {
        Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(100))
                .failFast("gateway exited before printing \"" + text + "\"", () -> !isAlive() && !output().contains(text))
                .until(() -> output().contains(text));
    }

    /** stdout followed by stderr. */
    String output() {
        return read(stdout) + read(stderr);
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
