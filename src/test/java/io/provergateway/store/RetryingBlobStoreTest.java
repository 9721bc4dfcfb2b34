package io.provergateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryingBlobStoreTest {
    private final InMemoryBlobStore memory = new InMemoryBlobStore();
    private final List<Duration> sleeps = new ArrayList<>();

    @TempDir
    Path scratch;

    private RetryingBlobStore retrying(int maxRetries, double jitter) {
        return new RetryingBlobStore(memory, maxRetries, sleeps::add, () -> jitter);
    }

    private Path content() throws IOException {
        return Files.writeString(scratch.resolve("c.bin"), "data");
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void retriesRetriableFailures_withDoublingSleeps_untilSuccess() throws IOException {
        memory.failNextPuts(3, true);

        retrying(5, 1.0).put("witness_inputs", "w.bin", content());

        assertThat(memory.putCalls()).isEqualTo(4);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(memory.contains("witness_inputs", "w.bin")).isTrue();
    }

    @Test
    void givesUpAfterMaxRetriesPlusOneAttempts_throwingTheLastFailure() throws IOException {
        memory.failNextPuts(10, true);
        Path content = content();

        assertThatThrownBy(() -> retrying(2, 1.0).put("witness_inputs", "w.bin", content))
                .isInstanceOf(BlobStoreException.class)
                .hasMessage("injected put failure");

        assertThat(memory.putCalls()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void zeroMaxRetries_meansASingleAttempt() {
        memory.failNextOpens(1, true);

        assertThatThrownBy(() -> retrying(0, 1.0).open("proofs_fri", "p.bin")).isInstanceOf(BlobStoreException.class);

        assertThat(memory.openCalls()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void sleepsAreScaledByTheRandomFactor() {
        memory.putBytes("proofs_fri", "p.bin", new byte[] {1});
        memory.failNextOpens(2, true);

        retrying(5, 0.8).open("proofs_fri", "p.bin");

        assertThat(sleeps).containsExactly(Duration.ofMillis(800), Duration.ofMillis(1600));
    }

    @Test
    void backoffDoublesEachRetry_upToSixteenSecondsForTheDefaultFiveRetries() {
        memory.putBytes("proofs_fri", "p.bin", new byte[] {1});
        memory.failNextOpens(5, true);

        retrying(5, 1.0).open("proofs_fri", "p.bin");

        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16));
    }

    @Test
    void neverRetriesNotFound() {
        assertThatThrownBy(() -> retrying(5, 1.0).open("proofs_fri", "missing.bin"))
                .isInstanceOf(BlobNotFoundException.class);

        assertThat(memory.openCalls()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void neverRetriesNonRetriableFailures() throws IOException {
        memory.failNextPuts(1, false);
        Path content = content();

        assertThatThrownBy(() -> retrying(5, 1.0).put("witness_inputs", "w.bin", content))
                .isInstanceOf(BlobStoreException.class);

        assertThat(memory.putCalls()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void interruptDuringTheSleep_stopsRetrying_andKeepsTheInterruptFlag() throws IOException {
        memory.failNextPuts(3, true);
        Path content = content();
        RetryingBlobStore store = new RetryingBlobStore(memory, 5, d -> {
            throw new InterruptedException("stop");
        }, () -> 1.0);

        assertThatThrownBy(() -> store.put("witness_inputs", "w.bin", content))
                .isInstanceOf(BlobStoreException.class)
                .hasMessage("injected put failure");

        assertThat(memory.putCalls()).isEqualTo(1);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
