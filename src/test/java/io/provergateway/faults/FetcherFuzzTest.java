package io.provergateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.provergateway.api.CoreApiException;
import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.fetcher.ProofGenDataFetcher;
import io.provergateway.fetcher.WitnessSpool;
import io.provergateway.store.BlobStore;
import io.provergateway.store.InMemoryBlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.testsupport.InMemoryProverDatabase;
import io.provergateway.testsupport.JsonMutator;
import io.provergateway.testsupport.RecordingMetrics;
import io.provergateway.wire.ProofGenerationDataJson;
import io.provergateway.wire.WitnessInputCodec;
import io.provergateway.wire.WitnessInputData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzz through the real fetcher (spool, store, rows) on in-memory doubles: valid payloads interleaved with
 * mutated ones. Run another seed with {@code -Dfaults.fuzz.seed=N}.
 */
class FetcherFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MUTATIONS = 2_000;
    private static final int MUTATIONS_PER_PAYLOAD = 9;

    @TempDir
    Path dir;

    private final long seed = Long.getLong("faults.fuzz.seed", 0x5EEDL);
    private final WitnessDataGenerator generator = new WitnessDataGenerator(seed, CommitmentMode.VALIDIUM);
    private final FeedingCore core = new FeedingCore();
    private final PutLog store = new PutLog(new InMemoryBlobStore());
    private final InMemoryProverDatabase database = new InMemoryProverDatabase();

    @Test
    void mutatedPayloadsAreRejectedOrStoredIntact_andEveryValidOneIsStored() throws Exception {
        System.out.println("fetcher fuzz seed " + seed + " (rerun with -Dfaults.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        try (WitnessSpool spool = WitnessSpool.open(dir.resolve("spool"))) {
            ProofGenDataFetcher fetcher = new ProofGenDataFetcher(core, spool, store, database,
                    new RecordingMetrics(), Clock.systemUTC());
            int mutated = 0;
            int accepted = 0;
            for (long n = 1; mutated < MUTATIONS; n++) {
                byte[] valid = validPayload(n);
                assertThat(step(fetcher, valid, "seed " + seed + " batch " + n + " valid")).as("valid batch %d", n)
                        .isTrue();
                assertThat(store.bytes(ObjectKeys.witnessInputs(n))).as("seed %d batch %d", seed, n)
                        .isEqualTo(bincode(generator.generate(n).witnessInputData()));
                JsonMutator mutator = new JsonMutator(random);
                JsonNode tree = MAPPER.readTree(valid);
                int nodes = JsonMutator.countNodes(tree);
                for (int i = 0; i < MUTATIONS_PER_PAYLOAD && mutated < MUTATIONS; i++, mutated++) {
                    byte[] body = mutator.mutate(valid, tree, nodes);
                    if (step(fetcher, body, "seed " + seed + " batch " + n + " case " + i + " " + mutator.describe())) {
                        accepted++;
                    }
                }
            }
            System.out.println("fetcher fuzz seed " + seed + ": " + mutated + " mutated payloads, " + accepted
                    + " still valid and stored intact, the rest rejected");
        }
    }

    /** Feeds one body; checks the spool is empty and that a stored blob is whole. Returns whether it was stored. */
    private boolean step(ProofGenDataFetcher fetcher, byte[] body, String context) throws IOException {
        core.answerWith(body);
        store.puts.clear();
        int rowsBefore = database.witnessRows().size();
        boolean stored;
        try {
            stored = fetcher.runOnce();
        } catch (CoreApiException e) {
            stored = false;
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(context + ": runOnce threw " + e, e);
        }
        assertThat(spoolFiles()).as(context).isEmpty();
        if (!stored) {
            assertThat(store.puts).as(context + ": nothing stored").isEmpty();
            assertThat(database.witnessRows()).as(context + ": no row").hasSize(rowsBefore);
            return false;
        }
        assertThat(store.puts).as(context + ": one blob").hasSize(1);
        String key = store.puts.get(0);
        byte[] blob = store.bytes(key);
        WitnessInputData decoded;
        try {
            decoded = WitnessInputCodec.readBincode(blob);
        } catch (RuntimeException e) {
            return fail(context + ": stored blob " + key + " does not decode: " + e, e);
        }
        assertThat(bincode(decoded)).as(context + ": blob re-encodes to itself").isEqualTo(blob);
        long n = decoded.vmRunData().l1BatchNumber();
        assertThat(key).as(context).isEqualTo(ObjectKeys.witnessInputs(n));
        assertThat(database.witnessRows().get(n)).as(context + ": row of batch " + n).isNotNull()
                .satisfies(row -> assertThat(row.blobKey()).isEqualTo(key));
        return true;
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> committed = Files.list(dir.resolve("spool"));
                Stream<Path> incoming = Files.list(dir.resolve("spool").resolve("incoming"))) {
            return Stream.concat(committed.filter(p -> p.getFileName().toString().endsWith(".bin")), incoming)
                    .toList();
        }
    }

    private byte[] validPayload(long n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProofGenerationDataJson.writeResponse(Optional.of(generator.generate(n)), out);
        return out.toByteArray();
    }

    private static byte[] bincode(WitnessInputData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WitnessInputCodec.writeBincode(data, out);
        return out.toByteArray();
    }

    /** The in-memory store, noting the key of every successful put into {@code witness_inputs}. */
    private static final class PutLog implements BlobStore {
        final List<String> puts = new CopyOnWriteArrayList<>();
        private final InMemoryBlobStore delegate;

        PutLog(InMemoryBlobStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void put(String bucket, String key, Path content) {
            delegate.put(bucket, key, content);
            if (bucket.equals(ObjectKeys.WITNESS_INPUTS)) {
                puts.add(key);
            }
        }

        @Override
        public InputStream open(String bucket, String key) {
            return delegate.open(bucket, key);
        }

        byte[] bytes(String key) {
            return delegate.get(ObjectKeys.WITNESS_INPUTS, key).orElseThrow();
        }
    }
}
