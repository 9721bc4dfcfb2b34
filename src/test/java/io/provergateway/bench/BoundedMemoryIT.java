package io.provergateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the payload: a 400 MB response goes through the real HTTP client and transcoder in a JVM
 * whose heap is 48 MiB, once in field order and once with {@code vm_run_data} last, so that the whole
 * {@code merkle_paths} list must be spilled to disk until the fields before it are written. Anything that held the
 * payload (or a tree of it) would die with OutOfMemoryError; a hang is killed after a real timeout.
 */
class BoundedMemoryIT {
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path dir;

    @Test
    void aPayloadEightTimesTheHeapStreamsThrough() throws Exception {
        String output = run(false);
        assertThat(output).containsPattern("round 1: 4\\d\\d MB JSON .* \\(Batch\\)");
    }

    @Test
    void aPayloadEightTimesTheHeapWhoseBiggestFieldMustBeSpilledStreamsThrough() throws Exception {
        String output = run(true);
        assertThat(output).containsPattern("round 1: 4\\d\\d MB JSON .* \\(Batch\\)");
    }

    private String run(boolean vmRunDataLast) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("fetch-" + vmRunDataLast + ".log");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx48m",
                "-D" + LargePayload.VM_RUN_DATA_LAST + "=" + vmRunDataLast, "-cp", System.getProperty("java.class.path"),
                FetchBenchmark.class.getName(), "400", "1"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).directory(dir.toFile()).start();
        boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exited).as("finished within " + TIMEOUT_SECONDS + " s: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("OutOfMemoryError");
        return output;
    }
}
