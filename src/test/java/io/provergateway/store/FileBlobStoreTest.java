package io.provergateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileBlobStoreTest {
    @TempDir
    Path base;
    @TempDir
    Path scratch;

    private Path content(String text) throws IOException {
        return Files.writeString(Files.createTempFile(scratch, "content", ".bin"), text);
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void createsTheUpstreamBucketDirectories() {
        new FileBlobStore(base);

        assertThat(FileBlobStore.UPSTREAM_BUCKETS).hasSize(12)
                .contains("witness_inputs", "proofs_fri", "prover_jobs_fri", "scheduler_witness_jobs_fri");
        for (String bucket : FileBlobStore.UPSTREAM_BUCKETS) {
            assertThat(base.resolve(bucket)).isDirectory();
        }
        assertThat(base.resolve("proofs_tee")).doesNotExist();
    }

    @Test
    void putWritesAtBaseBucketKey_andLeavesNoTempFile() throws IOException {
        FileBlobStore store = new FileBlobStore(base);

        store.put("witness_inputs", "witness_inputs_42.bin", content("hello"));

        assertThat(base.resolve("witness_inputs/witness_inputs_42.bin")).hasContent("hello");
        try (Stream<Path> files = Files.list(base.resolve("witness_inputs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("witness_inputs_42.bin");
        }
    }

    @Test
    void putOnTheSameFileSystem_linksTheContentIn_andTheObjectOutlivesTheContentFile() throws IOException {
        FileBlobStore store = new FileBlobStore(base);
        Path content = content("linked, not copied");

        store.put("witness_inputs", "witness_inputs_7.bin", content);

        Path object = base.resolve("witness_inputs/witness_inputs_7.bin");
        assertThat(Files.isSameFile(content, object)).as("one inode, no copy").isTrue();
        Files.delete(content);
        assertThat(object).hasContent("linked, not copied");
    }

    @Test
    void putFromAnotherFileSystem_copiesTheContent() throws IOException {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getFileStore(shm).equals(Files.getFileStore(base)),
                "needs /dev/shm on a file system other than " + base + " to provoke the copy fallback");
        Path content = Files.writeString(Files.createTempFile(shm, "content", ".bin"), "copied across");
        try {
            FileBlobStore store = new FileBlobStore(base);

            store.put("witness_inputs", "witness_inputs_8.bin", content);

            Path object = base.resolve("witness_inputs/witness_inputs_8.bin");
            assertThat(object).hasContent("copied across");
            assertThat(Files.isSameFile(content, object)).isFalse();
        } finally {
            Files.deleteIfExists(content);
        }
    }

    @Test
    void putReplacesAnExistingObject() throws IOException {
        FileBlobStore store = new FileBlobStore(base);
        store.put("proofs_fri", "l1_batch_proof_1_0_28_0.bin", content("old, longer content"));

        store.put("proofs_fri", "l1_batch_proof_1_0_28_0.bin", content("new"));

        assertThat(read(store.open("proofs_fri", "l1_batch_proof_1_0_28_0.bin"))).isEqualTo("new");
        try (Stream<Path> files = Files.list(base.resolve("proofs_fri"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void putCreatesABucketDirectoryUpstreamDoesNotPrecreate() throws IOException {
        FileBlobStore store = new FileBlobStore(base);

        store.put("proofs_tee", "x.bin", content("t"));

        assertThat(read(store.open("proofs_tee", "x.bin"))).isEqualTo("t");
    }

    @Test
    void putOfAMissingContentFile_failsNonRetriably_andLeavesNothing() throws IOException {
        FileBlobStore store = new FileBlobStore(base);

        assertThatThrownBy(() -> store.put("witness_inputs", "w.bin", scratch.resolve("absent")))
                .isInstanceOf(BlobStoreException.class)
                .isNotInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining("witness_inputs/w.bin")
                .satisfies(e -> assertThat(((BlobStoreException) e).retriable()).isFalse());
        try (Stream<Path> files = Files.list(base.resolve("witness_inputs"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void openStreamsTheContent() throws IOException {
        FileBlobStore store = new FileBlobStore(base);
        Files.writeString(base.resolve("proofs_fri/p.bin"), "proof");

        assertThat(read(store.open("proofs_fri", "p.bin"))).isEqualTo("proof");
    }

    @Test
    void openOfAMissingObject_isNotFound() {
        FileBlobStore store = new FileBlobStore(base);

        assertThatThrownBy(() -> store.open("proofs_fri", "l1_batch_proof_9_0_28_0.bin"))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining("proofs_fri/l1_batch_proof_9_0_28_0.bin")
                .satisfies(e -> assertThat(((BlobStoreException) e).retriable()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.bin", "a/b.bin", "..", "a..b", "nul\0.bin", "", ".hidden", "a\\b"})
    void rejectsKeysThatCouldEscapeTheBucketOrCollideWithTempFiles(String key) throws IOException {
        FileBlobStore store = new FileBlobStore(base);
        Path content = content("x");

        assertThatThrownBy(() -> store.put("witness_inputs", key, content))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("invalid object key");
        assertThatThrownBy(() -> store.open("witness_inputs", key))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("invalid object key");
        assertThat(base.getParent().resolve("escape.bin")).doesNotExist();
    }

    @Test
    void rejectsATraversingBucket() throws IOException {
        FileBlobStore store = new FileBlobStore(base);
        Path content = content("x");

        assertThatThrownBy(() -> store.put("..", "k.bin", content))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("invalid object bucket");
    }
}
