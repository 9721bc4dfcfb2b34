package io.provergateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Memory does not grow with the payload: a 400 MB response goes through the real HTTP client and transcoder in a JVM
 * whose heap is 48 MiB. Anything that held the payload (or a tree of it) would die with OutOfMemoryError.
 */
class BoundedMemoryIT {

    @Test
    void aPayloadEightTimesTheHeapStreamsThrough() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx48m", "-cp",
                System.getProperty("java.class.path"), FetchBenchmark.class.getName(), "400", "1"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("OutOfMemoryError").containsPattern("round 1: 4\\d\\d MB JSON .* \\(Batch\\)");
    }
}
