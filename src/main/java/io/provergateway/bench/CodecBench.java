package io.provergateway.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.provergateway.wire.ProofGenerationDataTranscoder;
import io.provergateway.wire.TranscodeResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON → bincode transcoder alone against a bare Jackson streaming scan ({@code nextToken()} over every token,
 * nothing else) of the same file, both on one thread, in the same JVM, alternately warmed.
 */
final class CodecBench {
    static final JsonFactory JACKSON = new JsonFactory();

    private CodecBench() {
    }

    static List<BenchRow> run(Path json, Path workDir) {
        long size = size(json);
        Path out = workDir.resolve("codec.bin");
        Measure.Task ours = () -> {
            try (InputStream in = Files.newInputStream(json)) {
                if (!(new ProofGenerationDataTranscoder().transcode(in, out) instanceof TranscodeResult.Batch)) {
                    throw new IllegalStateException("the generated payload did not transcode to a batch");
                }
            }
        };
        Measure.Task baseline = () -> jacksonScan(json);
        Measure.median(2, 0, ours);
        Measure.median(2, 0, baseline);
        Measure.Result base = Measure.median(1, 5, baseline);
        Measure.Result mine = Measure.median(1, 5, ours);
        double oursRate = mine.megabytesPerCpuSecond(size);
        double baseRate = base.megabytesPerCpuSecond(size);
        return List.of(
                new BenchRow("codec: JSON→bincode transcoder vs bare Jackson scan", "MB/cpu-s", oursRate,
                        baseRate, true, "≥ 2×", oursRate >= 2 * baseRate),
                new BenchRow("codec: allocation per MB of JSON", "KB/MB", mine.allocatedBytes() / 1e3 / (size / 1e6),
                        base.allocatedBytes() / 1e3 / (size / 1e6), false, "report", true));
    }

    /** The baseline: every token of the file through Jackson's streaming parser, nothing else. */
    static long jacksonScan(Path json) throws java.io.IOException {
        long tokens = 0;
        try (InputStream in = Files.newInputStream(json); JsonParser parser = JACKSON.createParser(in)) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
