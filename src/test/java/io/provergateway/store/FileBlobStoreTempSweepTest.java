package io.provergateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTempSweepTest {
    @TempDir
    Path dir;

    @Test
    void removesOnlyOldTempFilesOfInterruptedWrites() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        Path bucket = dir.resolve(ObjectKeys.WITNESS_INPUTS);
        Path stale = Files.write(bucket.resolve(".witness_inputs_7.bin.tmp-0123456789abcdef"), new byte[] {1});
        Path fresh = Files.write(bucket.resolve(".witness_inputs_8.bin.tmp-fedcba9876543210"), new byte[] {2});
        Path object = Files.write(bucket.resolve("witness_inputs_6.bin"), new byte[] {3});
        Path foreign = Files.write(bucket.resolve(".something-else"), new byte[] {4});
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        for (Path old : new Path[] {stale, object, foreign}) {
            Files.setLastModifiedTime(old, twoHoursAgo);
        }

        assertThat(store.removeStaleTempFiles(ObjectKeys.WITNESS_INPUTS, Duration.ofHours(1))).isEqualTo(1);

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(object).exists();
        assertThat(foreign).exists();
    }
}
