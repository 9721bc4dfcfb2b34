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

/** The built jar run as a real subprocess with a clean environment; output captured to a file. */
final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private GatewayProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("gateway.jar", "target/prover-gateway.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the gateway jar is not built: " + jar + " (run mvn verify)");
        }
        return jar;
    }

    /** Starts {@code java -jar prover-gateway.jar args...} with exactly {@code env} (plus PATH/JAVA_HOME/HOME). */
    static GatewayProcess start(Map<String, String> env, Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME") && !k.equals("JAVA_HOME"));
        environment.putAll(env);
        return new GatewayProcess(builder.start(), output);
    }

    /** SIGKILL: no shutdown hook, no cleanup. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then the exit code, or -1 if it did not exit within {@code limit}. */
    int terminate(Duration limit) throws InterruptedException {
        process.destroy();
        return waitFor(limit);
    }

    int waitFor(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
