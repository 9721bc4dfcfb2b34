package io.provergateway.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.api.CoreApiException;
import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreFault;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.store.BlobStore;
import io.provergateway.store.InMemoryBlobStore;
import io.provergateway.store.ObjectKeys;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetcher as the gateway runs it (fetch-ahead): the next batch is fetched and spooled while the current one is
 * stored; every batch is stored once, and an outage takes at most one more batch from the core.
 */
class FetchAheadTest {
    private static final long SEED = 12;

    @TempDir
    Path dir;

    private FetcherRig rig;
    private CoreSimulator core;

    @BeforeEach
    void setUp() {
        rig = new FetcherRig(dir, CoreSimulator.Settings.defaults().withSeed(SEED).withMode(CommitmentMode.VALIDIUM)
                .withProofGenerationTimeout(Duration.ofDays(1)));
        core = rig.core;
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private ProofGenDataFetcher fetcher(BlobStore store) {
        return rig.fetcher(store, true);
    }

    @Test
    void theNextBatchIsFetchedWhileTheCurrentOneIsStored() throws Exception {
        core.addBatches(2);
        InMemoryBlobStore memory = new InMemoryBlobStore();
        List<Integer> handedOutDuringFirstPut = new ArrayList<>();
        BlobStore store = new BlobStore() {
            @Override
            public void put(String bucket, String key, Path content) {
                if (key.equals(ObjectKeys.witnessInputs(1))) {
                    waitUntilHandedOut(2);
                    handedOutDuringFirstPut.add(core.fetchCount(2));
                }
                memory.put(bucket, key, content);
            }

            @Override
            public InputStream open(String bucket, String key) {
                return memory.open(bucket, key);
            }
        };
        ProofGenDataFetcher fetcher = fetcher(store);

        assertThat(fetcher.runOnce()).isTrue();

        assertThat(handedOutDuringFirstPut).containsExactly(1);
        assertThat(rig.spool().pending()).extracting(SpooledBatch::l1BatchNumber).containsExactly(2L);
        assertThat(fetcher.runOnce()).as("batch 2 stored, the core had nothing more").isFalse();
        assertThat(queuedBatches()).containsExactly(1L, 2L);
        assertThat(rig.spool().pending()).isEmpty();
    }

    @Test
    void aBacklogIsStoredByteExactOnceEach_andTheRunThatFindsTheCoreEmptySaysSo() throws Exception {
        core.addBatches(3);
        InMemoryBlobStore store = new InMemoryBlobStore();
        ProofGenDataFetcher fetcher = fetcher(store);

        List<Boolean> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(fetcher.runOnce());
        }

        assertThat(results).containsExactly(true, true, false, false);
        WitnessDataGenerator generator = new WitnessDataGenerator(SEED, CommitmentMode.VALIDIUM);
        for (long n = 1; n <= 3; n++) {
            byte[] expected = FetcherRig.expectedBlob(generator, n);
            assertThat(store.get(ObjectKeys.WITNESS_INPUTS, ObjectKeys.witnessInputs(n))).as("batch %d", n)
                    .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(expected));
            assertThat(core.fetchCount(n)).as("hand-outs of batch %d", n).isEqualTo(1);
        }
        assertThat(queuedBatches()).containsExactly(1L, 2L, 3L);
        assertThat(rig.metrics.count("batchStored")).isEqualTo(3);
        assertThat(rig.spool().pending()).isEmpty();
    }

    @Test
    void aStoreOutageHoldsTheFailingBatchAndOneFetchedAhead_thenStoresBothInOrder() throws Exception {
        core.addBatches(3);
        InMemoryBlobStore store = new InMemoryBlobStore();
        store.failNextPuts(2, true);
        ProofGenDataFetcher fetcher = fetcher(store);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(fetcher::runOnce).isInstanceOf(RuntimeException.class);
            assertThat(rig.spool().pending()).extracting(SpooledBatch::l1BatchNumber).containsExactly(1L, 2L);
            assertThat(core.fetchCount(3)).as("nothing more is taken from the core").isZero();
            assertThat(queuedBatches()).isEmpty();
        }
        assertThat(fetcher.runOnce()).isTrue();
        assertThat(queuedBatches()).containsExactly(1L);
        assertThat(core.fetchCount(3)).as("the spool still holds batch 2: stored first").isZero();
        assertThat(fetcher.runOnce()).isTrue();
        assertThat(fetcher.runOnce()).isFalse();

        assertThat(queuedBatches()).containsExactly(1L, 2L, 3L);
        for (long n = 1; n <= 3; n++) {
            assertThat(core.fetchCount(n)).as("hand-outs of batch %d", n).isEqualTo(1);
        }
        assertThat(rig.spool().pending()).isEmpty();
    }

    @Test
    void whileTheStoreFails_nothingMoreIsFetched_soOtherInstancesTakeTheNewBatches() throws Exception {
        core.addBatches(1);
        InMemoryBlobStore store = new InMemoryBlobStore();
        store.failNextPuts(3, true);
        ProofGenDataFetcher fetcher = fetcher(store);
        assertThatThrownBy(fetcher::runOnce).isInstanceOf(RuntimeException.class);
        core.addBatches(1);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(fetcher::runOnce).isInstanceOf(RuntimeException.class);
            assertThat(core.fetchCount(2)).as("retry %d asks the core for nothing", i + 1).isZero();
        }
        assertThat(fetcher.runOnce()).isTrue();
        assertThat(core.fetchCount(2)).as("the run that stored batch 1 after the outage").isZero();
        assertThat(fetcher.runOnce()).isFalse();

        assertThat(queuedBatches()).containsExactly(1L, 2L);
        assertThat(core.fetchCount(2)).isEqualTo(1);
    }

    @Test
    void aFailedFetchAheadFailsTheRunAfterItsBatchWasStored_andTheNextRunAsksAgain() throws Exception {
        core.addBatches(2);
        ProofGenDataFetcher fetcher = fetcher(new InMemoryBlobStore());
        assertThat(fetcher.runOnce()).isTrue();
        core.injectFault(CoreFault.httpStatus(502), 1);

        assertThatThrownBy(fetcher::runOnce).isInstanceOf(CoreApiException.class).hasMessageContaining("502");

        assertThat(queuedBatches()).containsExactly(1L, 2L);
        assertThat(rig.spool().pending()).isEmpty();
        assertThat(rig.metrics.count("httpError:ProofGenDataFetcher")).isEqualTo(1);
        core.addBatches(1);
        assertThat(fetcher.runOnce()).as("batch 3 fetched and stored; nothing after it").isFalse();
        assertThat(queuedBatches()).containsExactly(1L, 2L, 3L);
    }

    private void waitUntilHandedOut(long l1BatchNumber) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (core.fetchCount(l1BatchNumber) == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private List<Long> queuedBatches() throws SQLException {
        return rig.query("SELECT l1_batch_number FROM witness_inputs_fri WHERE status = 'queued' ORDER BY 1").stream()
                .map(Long::valueOf).toList();
    }
}
