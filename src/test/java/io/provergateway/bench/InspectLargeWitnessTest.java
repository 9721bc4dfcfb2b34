package io.provergateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.store.ObjectKeys;
import io.provergateway.wire.ProofGenerationDataTranscoder;
import io.provergateway.wire.TranscodeResult;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect witness} on a blob larger than its whole heap (a subprocess with -Xmx24m): the output is byte for
 * byte the {@code witness_input_data} JSON the core served.
 */
class InspectLargeWitnessTest {
    private static final long BATCH = 77;
    private static final long JSON_BYTES = 96L << 20;

    @TempDir
    Path dir;

    @Test
    void inspectWitness_streamsABlobLargerThanTheHeap_toExactlyTheServedJson() throws Exception {
        Path served = dir.resolve("served.json");
        LargePayload payload = new LargePayload(BATCH);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(served), 1 << 16)) {
            payload.writeTo(out, JSON_BYTES / payload.entryBytes());
        }
        Path bucket = Files.createDirectories(dir.resolve("store").resolve(ObjectKeys.WITNESS_INPUTS));
        Path blob = bucket.resolve(ObjectKeys.witnessInputs(BATCH));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(served), 1 << 16)) {
            assertThat(new ProofGenerationDataTranscoder().transcode(in, blob)).isInstanceOf(TranscodeResult.Batch.class);
        }
        assertThat(Files.size(blob)).isGreaterThan(24L << 20);

        Path printed = dir.resolve("printed.json");
        Process process = inspect(printed);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr).isZero();

        long[] range = witnessRange(served);
        assertThat(Files.size(printed)).isEqualTo(range[1] - range[0] + 1);
        assertThat(sameBytes(served, range[0], printed, range[1] - range[0])).isTrue();
        try (RandomAccessFile file = new RandomAccessFile(printed.toFile(), "r")) {
            file.seek(file.length() - 1);
            assertThat(file.read()).isEqualTo('\n');
        }
    }

    private Process inspect(Path stdout) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx24m", "-cp",
                System.getProperty("java.class.path"), "io.provergateway.Main", "inspect", "witness",
                Long.toString(BATCH))).redirectOutput(stdout.toFile());
        builder.environment().put("FRI_PROVER_GATEWAY_API_URL", "http://127.0.0.1:9");
        builder.environment().put("PROVER_OBJECT_STORE_MODE", "FileBacked");
        builder.environment().put("PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH", dir.resolve("store").toString());
        builder.environment().put("DATABASE_PROVER_URL", "postgres://postgres@127.0.0.1:9/unused");
        return builder.start();
    }

    /** [start, end) of the {@code witness_input_data} value in the served {@code {"Success":{…}}} body. */
    private static long[] witnessRange(Path served) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(served.toFile(), "r")) {
            byte[] head = new byte[64 * 1024];
            file.readFully(head);
            String start = "\"witness_input_data\":";
            long from = new String(head, StandardCharsets.ISO_8859_1).indexOf(start) + start.length();
            int tailLength = (int) Math.min(file.length(), 4L << 20);
            byte[] tail = new byte[tailLength];
            file.seek(file.length() - tailLength);
            file.readFully(tail);
            long to = file.length() - tailLength
                    + new String(tail, StandardCharsets.ISO_8859_1).lastIndexOf(",\"protocol_version\":\"0.");
            return new long[] {from, to};
        }
    }

    private static boolean sameBytes(Path a, long offset, Path b, long length) throws IOException {
        try (InputStream left = new BufferedInputStream(Files.newInputStream(a), 1 << 16);
                InputStream right = new BufferedInputStream(Files.newInputStream(b), 1 << 16)) {
            left.skipNBytes(offset);
            byte[] x = new byte[1 << 16];
            byte[] y = new byte[1 << 16];
            for (long done = 0; done < length; ) {
                int n = (int) Math.min(x.length, length - done);
                left.readNBytes(x, 0, n);
                right.readNBytes(y, 0, n);
                if (!java.util.Arrays.equals(x, 0, n, y, 0, n)) {
                    return false;
                }
                done += n;
            }
            return true;
        }
    }
}
