package io.provergateway.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.loop.FailurePolicy;
import io.provergateway.loop.PollingLoop;
import io.provergateway.loop.StopSignal;
import io.provergateway.store.FileBlobStore;
import io.provergateway.testsupport.RecordingMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spool that cannot take a payload (its disk full or broken; here a file stands where its {@code incoming/}
 * directory belongs) is a local I/O failure: counted as {@code local_io}, never as an HTTP error of the core, and the
 * core is not even asked for a batch it could not keep. Against the real fetcher, HTTP client and core simulator.
 */
class SpoolFailureTest {
    private static final Duration POLL = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private FetcherRig rig;
    private CoreSimulator core;
    private RecordingMetrics metrics;

    @BeforeEach
    void setUp() {
        rig = new FetcherRig(dir, CoreSimulator.Settings.defaults().withSeed(5).withMode(CommitmentMode.VALIDIUM));
        core = rig.core;
        metrics = rig.metrics;
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void aSpoolThatCannotTakeAPayloadIsALocalIoFailure_notACoreError_andNoBatchIsTakenFromTheCore() throws Exception {
        ProofGenDataFetcher fetcher = rig.fetcher(new FileBlobStore(dir.resolve("store")), false);
        PollingLoop loop = new PollingLoop(fetcher, POLL, FailurePolicy.forPollInterval(POLL), new StopSignal(),
                metrics);
        core.addBatches(1);
        Path incoming = dir.resolve("spool").resolve("incoming");
        Files.delete(incoming);
        Files.writeString(incoming, "in the way");

        Duration wait = loop.iterate();

        assertThat(metrics.count("taskFailed:ProofGenDataFetcher:local_io")).isEqualTo(1);
        assertThat(metrics.count("httpError:ProofGenDataFetcher")).isZero();
        assertThat(loop.problem()).hasValueSatisfying(p -> assertThat(p).contains("kind=local_io"));
        assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(1200));
        assertThat(core.fetchCount(1)).as("the batch stays with the core").isZero();

        Files.delete(incoming);
        Files.createDirectory(incoming);
        assertThat(loop.iterate()).isEqualTo(Duration.ZERO);
        assertThat(core.fetchCount(1)).isEqualTo(1);
        assertThat(Files.isRegularFile(dir.resolve("store/witness_inputs/witness_inputs_1.bin"))).isTrue();
        assertThat(metrics.count("httpError:ProofGenDataFetcher")).isZero();
    }
}
