package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the push body: a body of about 90 MB (its storage-log list spilled, as CBOR needs its
 * length first) goes through the transcoder in a JVM with a 24 MiB heap. Anything that held the body, the list or a
 * tree would die with OutOfMemoryError.
 */
class PushRequestLargeBodyTest {
    private static final long LOGS = 30_000;

    @TempDir
    Path tmp;

    @Test
    void aBodyAboutFourTimesTheHeap_streamsThroughAndDecodesCompletely() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx24m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), PushLargeBody.class.getName(), tmp.toString(),
                Long.toString(LOGS))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("OutOfMemoryError").contains("maxHeapMiB=");
        long json = Long.parseLong(output.replaceAll("(?s).*json=(\\d+).*", "$1"));
        assertThat(json).isGreaterThan(3L * 24 * 1024 * 1024);
        Path cbor = tmp.resolve("w.cbor");
        assertThat(countLogsAndBlobs(cbor)).containsExactly(LOGS, LOGS, 16L);
        try (var files = Files.list(tmp)) {
            assertThat(files).as("no spill files left").containsExactly(cbor);
        }
    }

    /** Streams the CBOR with jackson-dataformat-cbor: storage logs, reads and full blobs. */
    private static long[] countLogsAndBlobs(Path cbor) throws Exception {
        long[] counts = new long[3];
        try (JsonParser p = PushCborTestSupport.CBOR.getFactory().createParser(cbor.toFile())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals("leaf_hashed_key")) {
                    counts[0]++;
                } else if (t == JsonToken.FIELD_NAME && p.currentName().equals("account")) {
                    counts[1]++;
                } else if (t == JsonToken.FIELD_NAME && p.currentName().equals("blobs")) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        int n = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            n++;
                        }
                        counts[2] += n == PushLargeBody.BLOB ? 1 : 0;
                    }
                }
            }
        }
        return counts;
    }
}
