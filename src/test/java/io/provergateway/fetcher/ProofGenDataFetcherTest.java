package io.provergateway.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.api.CoreApiException;
import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreFault;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.store.BlobStore;
import io.provergateway.store.FileBlobStore;
import io.provergateway.store.InMemoryBlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.testsupport.RecordingMetrics;
import io.provergateway.testsupport.ScriptedCoreServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher against a real PostgreSQL, a real file store and a real HTTP core (the simulator). */
class ProofGenDataFetcherTest {
    private static final long SEED = 11;

    @TempDir
    Path dir;

    private FetcherRig rig;
    private CoreSimulator core;
    private RecordingMetrics metrics;

    @BeforeEach
    void setUp() {
        rig = new FetcherRig(dir, CoreSimulator.Settings.defaults().withSeed(SEED).withMode(CommitmentMode.ROLLUP));
        core = rig.core;
        metrics = rig.metrics;
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private ProofGenDataFetcher fetcher(String baseUrl, BlobStore store) {
        return rig.fetcher(baseUrl, store, false);
    }

    private ProofGenDataFetcher fetcher(BlobStore store) {
        return rig.fetcher(store, false);
    }

    @Test
    void storesEachBatchByteExactThenQueuesItsRowAndDrainsTheBacklog() throws Exception {
        FileBlobStore store = new FileBlobStore(dir.resolve("store"));
        core.addBatches(3);
        ProofGenDataFetcher fetcher = fetcher(store);

        List<Boolean> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(fetcher.runOnce());
        }

        assertThat(results).containsExactly(true, true, true, false);
        WitnessDataGenerator generator = new WitnessDataGenerator(SEED, CommitmentMode.ROLLUP);
        for (long n = 1; n <= 3; n++) {
            Path blob = store.pathOf(ObjectKeys.WITNESS_INPUTS, "witness_inputs_" + n + ".bin");
            assertThat(Files.readAllBytes(blob)).as("batch %d", n).isEqualTo(FetcherRig.expectedBlob(generator, n));
        }
        assertThat(queuedRows()).containsExactly("1|witness_inputs_1.bin|28|0", "2|witness_inputs_2.bin|28|0",
                "3|witness_inputs_3.bin|28|0");
        assertThat(vkHashes()).containsExactly("28|0|" + WitnessDataGenerator.SNARK_WRAPPER_VK_HASH.toHex());
        assertThat(rig.spool().pending()).isEmpty();
        assertThat(metrics.count("batchStored")).isEqualTo(3);
    }

    @Test
    void nothingToProveWaitsAndStoresNothing() throws Exception {
        InMemoryBlobStore store = new InMemoryBlobStore();
        assertThat(fetcher(store).runOnce()).isFalse();
        assertThat(store.keys(ObjectKeys.WITNESS_INPUTS)).isEmpty();
        assertThat(queuedRows()).isEmpty();
    }

    @Test
    void errorReplyIsLoggedAndCountedAndStoresNothing() throws Exception {
        try (ScriptedCoreServer scripted = new ScriptedCoreServer()) {
            scripted.answer(ex -> ScriptedCoreServer.respond(ex, 200, "application/json", "{\"Error\":\"no metadata\"}"));
            InMemoryBlobStore store = new InMemoryBlobStore();
            assertThat(fetcher(scripted.baseUrl(), store).runOnce()).isFalse();
            assertThat(store.keys(ObjectKeys.WITNESS_INPUTS)).isEmpty();
            assertThat(metrics.count("coreReportedError:ProofGenDataFetcher")).isEqualTo(1);
        }
        assertThat(queuedRows()).isEmpty();
    }

    @Test
    void plainText502IsAnHttpErrorAndTheNextPollSucceeds() throws Exception {
        core.addBatches(1);
        core.injectFault(CoreFault.httpStatus(502), 1);
        ProofGenDataFetcher fetcher = fetcher(new InMemoryBlobStore());

        assertThatThrownBy(fetcher::runOnce).isInstanceOf(CoreApiException.class).hasMessageContaining("502");
        assertThat(metrics.count("httpError:ProofGenDataFetcher")).isEqualTo(1);
        assertThat(fetcher.runOnce()).isTrue();
        assertThat(queuedRows()).hasSize(1);
    }

    @Test
    void garbageJsonIsRejectedWithNothingStoredAndNothingSpooled() throws Exception {
        core.addBatches(1);
        core.injectFault(CoreFault.garbageJson(), 1);
        InMemoryBlobStore store = new InMemoryBlobStore();

        assertThat(fetcher(store).runOnce()).isFalse();
        assertThat(store.keys(ObjectKeys.WITNESS_INPUTS)).isEmpty();
        assertThat(queuedRows()).isEmpty();
        assertThat(rig.spool().pending()).isEmpty();
        assertThat(metrics.count("payloadRejected:malformed")).isEqualTo(1);
        assertThat(metrics.count("httpError:ProofGenDataFetcher")).isEqualTo(1);
    }

    @Test
    void storeOutageKeepsTheBatchSpooledUntilTheStoreRecovers() throws Exception {
        core.addBatches(1);
        InMemoryBlobStore store = new InMemoryBlobStore();
        store.failNextPuts(3, true);
        ProofGenDataFetcher fetcher = fetcher(store);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(fetcher::runOnce).isInstanceOf(RuntimeException.class);
            assertThat(rig.spool().pending()).extracting(SpooledBatch::l1BatchNumber).containsExactly(1L);
            assertThat(queuedRows()).isEmpty();
        }
        assertThat(fetcher.runOnce()).isTrue();

        assertThat(core.fetchCount(1)).isEqualTo(1);
        assertThat(store.contains(ObjectKeys.WITNESS_INPUTS, "witness_inputs_1.bin")).isTrue();
        assertThat(queuedRows()).containsExactly("1|witness_inputs_1.bin|28|0");
        assertThat(rig.spool().pending()).isEmpty();
    }

    @Test
    void aBatchSpooledBeforeACrashIsStoredBeforeAnythingIsFetched() throws Exception {
        core.addBatches(1);
        InMemoryBlobStore store = new InMemoryBlobStore();
        store.failNextPuts(1, true);
        assertThatThrownBy(fetcher(store)::runOnce).isInstanceOf(RuntimeException.class);
        rig.reopenSpool();
        core.addBatches(1);

        assertThat(fetcher(store).runOnce()).isTrue();

        assertThat(core.fetchCount(2)).isZero();
        assertThat(queuedRows()).containsExactly("1|witness_inputs_1.bin|28|0");
    }

    private List<String> queuedRows() throws SQLException {
        return query("SELECT l1_batch_number || '|' || witness_inputs_blob_url || '|' || protocol_version || '|' "
                + "|| protocol_version_patch FROM witness_inputs_fri WHERE status = 'queued' ORDER BY 1");
    }

    private List<String> vkHashes() throws SQLException {
        return query("SELECT id || '|' || protocol_version_patch || '|0x' || encode(snark_wrapper_vk_hash, 'hex') "
                + "FROM prover_fri_protocol_versions");
    }

    private List<String> query(String sql) throws SQLException {
        return rig.query(sql);
    }
}
