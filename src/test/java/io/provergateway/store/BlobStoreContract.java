package io.provergateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.loop.StopSignal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every backend must show, run identically against FileBacked, GCS and S3: each subclass supplies the
 * store (built the way {@link BlobStores} builds it, behind {@link RetryingBlobStore}), a way to inject retriable
 * faults into its transport, and a way to read an object by its backend name.
 */
abstract class BlobStoreContract {
    static final String BUCKET = ObjectKeys.WITNESS_INPUTS;
    static final long LARGE = 40L * 1024 * 1024 + 12345;

    @TempDir
    Path dir;

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final RetryingBlobStore.Sleeper recording = d -> {
        sleeps.add(d);
        return true;
    };

    /** The backend behind {@link RetryingBlobStore} with {@code maxRetries} and {@code sleeper}. */
    abstract BlobStore store(int maxRetries, RetryingBlobStore.Sleeper sleeper);

    /** The next {@code count} requests to the backend fail with a retriable fault. */
    abstract void failNext(int count);

    /** Faults injected (and hit) so far. */
    abstract int faultsHit();

    /** The object's bytes as the backend holds it under {@code objectName} ({@code bucket/key}), bypassing the adapter. */
    abstract byte[] rawObject(String objectName) throws IOException;

    /** Checks, where the backend can tell, that an object of {@code size} went up in bounded pieces. */
    void assertUploadedInParts(String objectName, long size) {}

    @Test
    void storesAndReadsBack_byteForByte_underTheUpstreamObjectName() throws IOException {
        byte[] bytes = random(100_000, 1);
        try (BlobStore store = store(0, recording)) {
            store.put(BUCKET, "witness_inputs_42.bin", write("w42", bytes));

            assertThat(read(store, BUCKET, "witness_inputs_42.bin")).isEqualTo(bytes);
        }
        assertThat(rawObject("witness_inputs/witness_inputs_42.bin")).isEqualTo(bytes);
    }

    @Test
    void storesAnEmptyObject() throws IOException {
        try (BlobStore store = store(0, recording)) {
            store.put(ObjectKeys.PROOFS_FRI, "empty.bin", write("empty", new byte[0]));

            assertThat(read(store, ObjectKeys.PROOFS_FRI, "empty.bin")).isEmpty();
        }
    }

    @Test
    void overwritingReplacesTheWholeObject() throws IOException {
        try (BlobStore store = store(0, recording)) {
            store.put(BUCKET, "witness_inputs_7.bin", write("a", random(5000, 2)));
            byte[] second = random(300, 3);
            store.put(BUCKET, "witness_inputs_7.bin", write("b", second));

            assertThat(read(store, BUCKET, "witness_inputs_7.bin")).isEqualTo(second);
        }
    }

    @Test
    void missingObject_isNotFound_andNeverRetried() {
        try (BlobStore store = store(5, recording)) {
            assertThatThrownBy(() -> store.open(ObjectKeys.PROOFS_FRI, "l1_batch_proof_99_0_28_0.bin"))
                    .isInstanceOf(BlobNotFoundException.class)
                    .hasMessageContaining("proofs_fri/l1_batch_proof_99_0_28_0.bin");
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void largeObject_isStreamedBothWays_intact() throws Exception {
        Path file = dir.resolve("large.bin");
        byte[] written = writeLarge(file, LARGE);
        try (BlobStore store = store(0, recording)) {
            store.put(BUCKET, "witness_inputs_1000.bin", file);

            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(store.open(BUCKET, "witness_inputs_1000.bin"), digest)) {
                size = in.transferTo(OutputStream.nullOutputStream());
            }
            assertThat(size).isEqualTo(LARGE);
            assertThat(digest.digest()).isEqualTo(written);
        }
        assertUploadedInParts("witness_inputs/witness_inputs_1000.bin", LARGE);
    }

    @Test
    void retriesInjectedFaults_onTheUpstreamSchedule_thenSucceeds() throws IOException {
        byte[] bytes = random(2000, 4);
        try (BlobStore store = store(5, recording)) {
            failNext(2);
            store.put(BUCKET, "witness_inputs_5.bin", write("w5", bytes));
            failNext(1);
            byte[] back = read(store, BUCKET, "witness_inputs_5.bin");

            assertThat(back).isEqualTo(bytes);
        }
        assertThat(faultsHit()).isEqualTo(3);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
    }

    @Test
    void givesUpAfterMaxRetriesPlusOneAttempts_withARetriableError() throws IOException {
        Path content = write("w6", random(100, 5));
        try (BlobStore store = store(2, recording)) {
            failNext(100);
            assertThatThrownBy(() -> store.put(BUCKET, "witness_inputs_6.bin", content))
                    .isInstanceOfSatisfying(BlobStoreException.class, e -> assertThat(e.retriable()).isTrue());
        }
        assertThat(faultsHit()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void stopSignalDuringARetryPause_endsTheCallWithTheLastFailure() throws Exception {
        Path content = write("w8", random(100, 6));
        StopSignal stop = new StopSignal();
        try (BlobStore store = store(5, RetryingBlobStore.Sleeper.untilStopped(stop::await))) {
            failNext(100);
            CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> {
                try {
                    store.put(BUCKET, "witness_inputs_8.bin", content);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> faultsHit() >= 1);
            stop.stop();

            assertThat(call.get(10, TimeUnit.SECONDS)).isInstanceOf(BlobStoreException.class);
        }
        assertThat(faultsHit()).isEqualTo(1);
    }

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name + ".bin"), bytes);
    }

    static byte[] read(BlobStore store, String bucket, String key) throws IOException {
        try (InputStream in = store.open(bucket, key)) {
            return in.readAllBytes();
        }
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Writes {@code size} pseudo-random bytes in 1 MiB blocks; returns their SHA-256. */
    static byte[] writeLarge(Path file, long size) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(size);
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; ) {
                int n = (int) Math.min(block.length, size - done);
                random.nextBytes(block);
                out.write(block, 0, n);
                digest.update(block, 0, n);
                done += n;
            }
        }
        return digest.digest();
    }
}
