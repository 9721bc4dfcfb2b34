package io.provergateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The generated inputs, written once per scratch directory and shared by the benchmarks that use them. */
final class BenchData {
    /** Storage logs with a full 256-hash path each; with 16 blobs this makes a body of about 200 MB. */
    static final int MERKLE_PATHS = 6000;

    private BenchData() {
    }

    /** The ~200 MB rollup batch (16 blobs, 6000 merkle paths), generated on first use. */
    static synchronized Path batch(Path scratch) {
        Path file = scratch.getParent().resolve("batch-16-blobs.json");
        if (!Files.exists(file)) {
            Path partial = scratch.getParent().resolve("batch-16-blobs.json.partial");
            new BenchPayload(42, MERKLE_PATHS, 16).writeTo(partial);
            try {
                Files.move(partial, file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return file;
    }
}
