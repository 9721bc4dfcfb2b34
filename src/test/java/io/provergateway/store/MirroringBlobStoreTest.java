package io.provergateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirroringBlobStoreTest {
    private final InMemoryBlobStore remote = new InMemoryBlobStore();

    @TempDir
    Path dir;

    private MirroringBlobStore store() {
        return new MirroringBlobStore(remote, new FileBlobStore(dir.resolve("mirror")));
    }

    private static byte[] read(BlobStore store, String bucket, String key) throws IOException {
        try (InputStream in = store.open(bucket, key)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsFillTheMirrorOnAMiss_andLaterReadsDoNotTouchTheRemote() throws IOException {
        remote.putBytes("proofs_fri", "p.bin", new byte[] {1, 2, 3});
        MirroringBlobStore store = store();

        assertThat(read(store, "proofs_fri", "p.bin")).containsExactly(1, 2, 3);
        assertThat(dir.resolve("mirror/proofs_fri/p.bin")).hasBinaryContent(new byte[] {1, 2, 3});
        remote.failNextOpens(1, false);
        assertThat(read(store, "proofs_fri", "p.bin")).containsExactly(1, 2, 3);
        assertThat(remote.openCalls()).isEqualTo(1);
        try (var files = Files.list(dir.resolve("mirror"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".mirror-fill"));
        }
    }

    @Test
    void writesGoToTheRemoteThenTheMirror() throws IOException {
        Path content = Files.writeString(dir.resolve("c"), "witness");

        store().put("witness_inputs", "witness_inputs_1.bin", content);

        assertThat(remote.get("witness_inputs", "witness_inputs_1.bin")).hasValue("witness".getBytes());
        assertThat(dir.resolve("mirror/witness_inputs/witness_inputs_1.bin")).hasContent("witness");
    }

    @Test
    void aFailedRemoteWrite_leavesTheMirrorUntouched() throws IOException {
        Path content = Files.writeString(dir.resolve("c"), "witness");
        remote.failNextPuts(1, true);

        assertThatThrownBy(() -> store().put("witness_inputs", "witness_inputs_1.bin", content))
                .isInstanceOf(BlobStoreException.class);

        assertThat(dir.resolve("mirror/witness_inputs/witness_inputs_1.bin")).doesNotExist();
    }

    @Test
    void anObjectMissingEverywhere_isNotFound() {
        assertThatThrownBy(() -> store().open("proofs_fri", "none.bin")).isInstanceOf(BlobNotFoundException.class);
    }
}
