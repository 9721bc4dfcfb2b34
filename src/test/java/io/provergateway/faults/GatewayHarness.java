package io.provergateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.Gateway;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.ProverSimulator;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.store.BlobStore;
import io.provergateway.store.FileBlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.wire.WitnessInputCodec;
import io.provergateway.wire.WitnessInputData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole pipeline in-process for one test: a prover DB (given), a FileBacked store, the core simulator, optionally
 * the prover simulator, and one or more real {@link Gateway}s configured only through {@code GatewayConfig}.
 */
final class GatewayHarness implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHarness.class);

    private final TestDatabase database;
    private final Path dir;
    private final FileBlobStore store;
    private final CoreSimulator core;
    private final CoreSimulator.Settings coreSettings;
    private final ProverDbView rows;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private ProverSimulator prover;
    private Gateway gateway;
    private int gateways;

    private GatewayHarness(TestDatabase database, Path dir, CoreSimulator.Settings coreSettings) {
        this.database = database;
        this.dir = dir;
        this.store = new FileBlobStore(dir.resolve("store"));
        this.coreSettings = coreSettings;
        this.core = own(CoreSimulator.start(coreSettings));
        this.rows = new ProverDbView(database.dataSource());
    }

    /** Starts the core simulator on {@code database} (schema installed) with its files under {@code dir}. */
    static GatewayHarness create(TestDatabase database, Path dir, CoreSimulator.Settings coreSettings) {
        return new GatewayHarness(database, dir, coreSettings);
    }

    /** Starts the prover simulator; {@code storeView} may wrap the store it writes proofs to. */
    GatewayHarness startProver(ProverSimulator.Settings settings, UnaryOperator<BlobStore> storeView) {
        prover = own(new ProverSimulator(database.dataSource(), storeView.apply(store), settings).start());
        return this;
    }

    GatewayHarness startProver(ProverSimulator.Settings settings) {
        return startProver(settings, UnaryOperator.identity());
    }

    /** Starts a gateway on the core simulator; the first one started is {@link #gateway()}. */
    Gateway startGateway(Consumer<GatewayConfigBuilder> customize) {
        int index = gateways++;
        GatewayConfigBuilder config = new GatewayConfigBuilder(core.baseUrl().toString(),
                database.databaseConfig(4), store.base(), spoolDir(index));
        customize.accept(config);
        Gateway started = own(Gateway.start(config.build()));
        if (gateway == null) {
            gateway = started;
        }
        LOG.info("harness gateway {} started metrics_port={}", index, started.metricsPort());
        return started;
    }

    Gateway startGateway() {
        return startGateway(config -> { });
    }

    Gateway gateway() {
        return gateway;
    }

    MetricsScraper metrics() {
        return new MetricsScraper(gateway.metricsPort());
    }

    CoreSimulator core() {
        return core;
    }

    /** Generates the witness data the core simulator hands out, for comparing stored blobs. */
    WitnessDataGenerator witnessGenerator() {
        return new WitnessDataGenerator(coreSettings.seed(), coreSettings.mode());
    }

    /** Asserts each batch has one {@code witness_inputs_fri} row on its key and a blob equal to what the core sent. */
    void assertStoredOnce(List<Long> batches) {
        assertThat(rows.witnessBlobUrls()).containsOnlyKeys(batches)
                .allSatisfy((n, url) -> assertThat(url).isEqualTo(ObjectKeys.witnessInputs(n)));
        WitnessDataGenerator generator = witnessGenerator();
        for (long n : batches) {
            assertThat(storedWitness(n)).as("witness of batch %d", n)
                    .isEqualTo(generator.generate(n).witnessInputData());
        }
    }

    Optional<ProverSimulator> prover() {
        return Optional.ofNullable(prover);
    }

    FileBlobStore store() {
        return store;
    }

    ProverDbView rows() {
        return rows;
    }

    TestDatabase database() {
        return database;
    }

    /** The spool directory of gateway {@code index} (0 for the first). */
    Path spoolDir(int index) {
        return dir.resolve("spool-" + index);
    }

    /** Committed batches and half-received payloads in gateway {@code index}'s spool. */
    List<Path> spoolFiles(int index) {
        Path spool = spoolDir(index);
        try (Stream<Path> committed = list(spool); Stream<Path> incoming = list(spool.resolve("incoming"))) {
            return Stream.concat(committed.filter(p -> p.getFileName().toString().startsWith("batch_")), incoming)
                    .toList();
        }
    }

    /** The blob file of batch {@code n}. */
    Path witnessBlob(long n) {
        return store.pathOf(ObjectKeys.WITNESS_INPUTS, ObjectKeys.witnessInputs(n));
    }

    /** Decodes the stored witness of batch {@code n} (throws if missing or not decodable). */
    WitnessInputData storedWitness(long n) {
        return WitnessInputCodec.readBincode(witnessBlob(n));
    }

    private static Stream<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try {
            return Files.list(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T extends AutoCloseable> T own(T part) {
        owned.push(part);
        return part;
    }

    @Override
    public void close() {
        while (!owned.isEmpty()) {
            AutoCloseable part = owned.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("harness part did not close cleanly part={} error={}", part.getClass().getSimpleName(), e);
            }
        }
    }
}
