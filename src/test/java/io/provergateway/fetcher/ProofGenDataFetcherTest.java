package io.provergateway.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.api.CoreApiException;
import io.provergateway.api.CoreHttpClient;
import io.provergateway.config.ApiConfig;
import io.provergateway.db.PostgresProverDatabase;
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
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.wire.WitnessInputCodec;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher against a real PostgreSQL, a real file store and a real HTTP core (the simulator). */
class ProofGenDataFetcherTest {
    private static final long SEED = 11;

    @TempDir
    Path dir;

    private TestDatabase db;
    private CoreSimulator core;
    private WitnessSpool spool;
    private final RecordingMetrics metrics = new RecordingMetrics();

    @BeforeEach
    void setUp() {
        db = TestPostgres.freshDatabase();
        core = CoreSimulator.start(CoreSimulator.Settings.defaults().withSeed(SEED).withMode(CommitmentMode.ROLLUP));
        spool = WitnessSpool.open(dir.resolve("spool"));
    }

    @AfterEach
    void tearDown() {
        spool.close();
        core.close();
    }

    private ProofGenDataFetcher fetcher(String baseUrl, BlobStore store) {
        ApiConfig api = new ApiConfig(baseUrl, Duration.ofSeconds(2), Duration.ofSeconds(5), 1L << 32,
                Optional.empty(), Optional.empty());
        return new ProofGenDataFetcher(new CoreHttpClient(api, true), spool, store,
                new PostgresProverDatabase(db.dataSource()), metrics, Clock.systemUTC());
    }

    private ProofGenDataFetcher fetcher(BlobStore store) {
        return fetcher(core.baseUrl().toString(), store);
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
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            WitnessInputCodec.writeBincode(generator.generate(n).witnessInputData(), expected);
            Path blob = store.pathOf(ObjectKeys.WITNESS_INPUTS, "witness_inputs_" + n + ".bin");
            assertThat(Files.readAllBytes(blob)).as("batch %d", n).isEqualTo(expected.toByteArray());
        }
        assertThat(queuedRows()).containsExactly("1|witness_inputs_1.bin|28|0", "2|witness_inputs_2.bin|28|0",
                "3|witness_inputs_3.bin|28|0");
        assertThat(vkHashes()).containsExactly("28|0|" + WitnessDataGenerator.SNARK_WRAPPER_VK_HASH.toHex());
        assertThat(spool.pending()).isEmpty();
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
        assertThat(spool.pending()).isEmpty();
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
            assertThat(spool.pending()).extracting(SpooledBatch::l1BatchNumber).containsExactly(1L);
            assertThat(queuedRows()).isEmpty();
        }
        assertThat(fetcher.runOnce()).isTrue();

        assertThat(core.fetchCount(1)).isEqualTo(1);
        assertThat(store.contains(ObjectKeys.WITNESS_INPUTS, "witness_inputs_1.bin")).isTrue();
        assertThat(queuedRows()).containsExactly("1|witness_inputs_1.bin|28|0");
        assertThat(spool.pending()).isEmpty();
    }

    @Test
    void aBatchSpooledBeforeACrashIsStoredBeforeAnythingIsFetched() throws Exception {
        core.addBatches(1);
        InMemoryBlobStore store = new InMemoryBlobStore();
        store.failNextPuts(1, true);
        assertThatThrownBy(fetcher(store)::runOnce).isInstanceOf(RuntimeException.class);
        spool.close();
        spool = WitnessSpool.open(dir.resolve("spool"));
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
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
