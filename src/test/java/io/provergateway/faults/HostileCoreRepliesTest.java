package io.provergateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.store.ObjectKeys;
import io.provergateway.testsupport.ScriptedCoreServer.Handler;
import io.provergateway.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One running gateway meets every kind of broken or hostile {@code /proof_generation_data} answer in turn. Each must
 * leave no trace (no blob, no row, nothing spooled), count as an http_error, and not stop the gateway from storing
 * the valid batch that follows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCoreRepliesTest {
    private static final long SEED = 61;
    private static final long MAX_RESPONSE_BYTES = 512 * 1024;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

    private final WitnessDataGenerator generator = new WitnessDataGenerator(SEED, CommitmentMode.VALIDIUM);
    private final HostileReplies replies = new HostileReplies(generator, MAX_RESPONSE_BYTES);
    private final AtomicLong nextBatch = new AtomicLong(100);
    private final List<Long> validBatches = new ArrayList<>();
    private ScriptedProofDataCore core;
    private GatewayHarness harness;

    @BeforeAll
    void startGateway(@TempDir Path dir) throws IOException {
        core = new ScriptedProofDataCore();
        harness = GatewayHarness.create(TestPostgres.freshDatabase(), dir, CoreSimulator.Settings.defaults());
        harness.startGateway(config -> config.baseUrl(core.baseUrl()).requestTimeout(REQUEST_TIMEOUT)
                .maxResponseBytes(MAX_RESPONSE_BYTES));
    }

    @AfterAll
    void stopGateway() {
        harness.close();
        core.close();
    }

    Stream<Named<LongFunction<Handler>>> replies() {
        return replies.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void hostileReplyLeavesNoTraceAndTheNextValidBatchIsStored(LongFunction<Handler> hostile) throws Exception {
        long hostileBatch = nextBatch.getAndAdd(10);
        long validBatch = hostileBatch + 1;
        assertThat(replies.valid(validBatch).length).isLessThan((int) MAX_RESPONSE_BYTES);
        double errorsBefore = harness.metrics().value(MetricsScraper.FETCHER_HTTP_ERRORS);

        core.enqueue(hostile.apply(hostileBatch));
        core.enqueue(replies.validAnswer(validBatch));
        validBatches.add(validBatch);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> harness.rows().witnessBlobUrls().containsKey(validBatch));
        assertThat(core.pending()).isZero();
        assertThat(harness.metrics().value(MetricsScraper.FETCHER_HTTP_ERRORS)).isGreaterThan(errorsBefore);
        assertThat(harness.gateway().died()).isNotDone();
        assertThat(harness.rows().witnessBlobUrls()).containsOnlyKeys(validBatches);
        assertThat(storedBlobNames()).containsExactlyInAnyOrderElementsOf(
                validBatches.stream().map(ObjectKeys::witnessInputs).toList());
        assertThat(harness.storedWitness(validBatch)).isEqualTo(generator.generate(validBatch).witnessInputData());
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.spoolFiles(0).isEmpty());
    }

    private List<String> storedBlobNames() throws IOException {
        try (Stream<Path> files = Files.list(harness.store().base().resolve(ObjectKeys.WITNESS_INPUTS))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
