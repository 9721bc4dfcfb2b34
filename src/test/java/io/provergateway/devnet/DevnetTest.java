package io.provergateway.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.store.ObjectKeys;
import io.provergateway.wire.WitnessInputCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DevnetTest {
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @Test
    void provesFiveBatchesEndToEnd_throughTheRealGateway(@TempDir Path dir) throws Exception {
        Devnet.Options options = Devnet.Options.defaults().withBatches(5).withDataDir(dir);
        try (Devnet devnet = Devnet.start(options, out(), false)) {
            Devnet.Outcome outcome = devnet.awaitCompletion();

            assertThat(outcome.complete()).as(outcome.reason()).isTrue();
            assertThat(devnet.batches()).containsExactly(1L, 2L, 3L, 4L, 5L);
            WitnessDataGenerator generator = new WitnessDataGenerator(options.coreSeed(), options.mode());
            for (long n : devnet.batches()) {
                Path witness = devnet.store().pathOf(ObjectKeys.WITNESS_INPUTS, ObjectKeys.witnessInputs(n));
                assertThat(WitnessInputCodec.readBincode(witness)).isEqualTo(generator.generate(n).witnessInputData());
                assertThat(devnet.core().status(n)).hasValue(CoreBatchStatus.GENERATED);
                assertThat(devnet.core().acceptedProof(n)).hasValue(
                        new ProofGenerator(options.proverSeed()).generate(n, WitnessDataGenerator.PROTOCOL_VERSION));
                assertThat(compressionStatus(devnet, n)).isEqualTo("sent_to_server");
            }
            assertThat(devnet.prover().provenBatches()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
            assertThat(devnet.summary()).contains("5/5");
        }
        assertThat(progress.toString(StandardCharsets.UTF_8).lines())
                .contains("batch 5 acknowledged")
                .anyMatch(line -> line.startsWith("batch 1 fetched"))
                .anyMatch(line -> line.startsWith("batch 1 proven"));
    }

    @ParameterizedTest
    @EnumSource(SubmitRejection.class)
    void gatewayDoesNotMarkAProofSent_whenTheCoreRejectsItsCoords(SubmitRejection rejection, @TempDir Path dir)
            throws Exception {
        Devnet.Options options = Devnet.Options.defaults().withBatches(2).withDataDir(dir).withProverSeed(99);
        try (Devnet devnet = Devnet.start(options, out(), false)) {
            devnet.core().rejectWrongCoordsWith(rejection);
            // The submitter works one proof at a time: once batch 2 was refused, batch 1's refusal is fully handled.
            await().atMost(Duration.ofSeconds(60)).until(() -> devnet.core().rejectedCount(2) >= 1);

            assertThat(devnet.core().rejectedCount(1)).isPositive();
            assertThat(devnet.core().acknowledgedCount(1)).isZero();
            assertThat(devnet.core().status(1)).hasValue(CoreBatchStatus.PICKED_BY_PROVER);
            assertThat(compressionStatus(devnet, 1)).isEqualTo("successful");
        }
    }

    @Test
    void reportsWhyARunCannotFinish(@TempDir Path dir) throws Exception {
        Devnet.Options options = Devnet.Options.defaults().withBatches(1).withDataDir(dir).withProverSeed(99)
                .withTimeout(Duration.ofSeconds(3));
        try (Devnet devnet = Devnet.start(options, out(), false)) {
            Devnet.Outcome outcome = devnet.awaitCompletion();
            assertThat(outcome.complete()).isFalse();
            assertThat(outcome.reason()).startsWith("timed out after 3 s with 0/1 batches acknowledged; batch 1");
        }
    }

    @Test
    void continuesAfterThePreviousRun_whenTheDataDirIsKept(@TempDir Path dir) throws Exception {
        Devnet.Options options = Devnet.Options.defaults().withBatches(1).withDataDir(dir)
                .withMode(CommitmentMode.VALIDIUM);
        try (Devnet devnet = Devnet.start(options, out(), false)) {
            assertThat(devnet.awaitCompletion().complete()).isTrue();
        }
        try (Devnet devnet = Devnet.start(options, out(), false)) {
            assertThat(devnet.batches()).containsExactly(2L);
            assertThat(devnet.awaitCompletion().complete()).isTrue();
        }
    }

    private PrintStream out() {
        return new PrintStream(progress, true, StandardCharsets.UTF_8);
    }

    private static String compressionStatus(Devnet devnet, long n) throws SQLException {
        try (Connection c = devnet.proverDb().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT status FROM proof_compression_jobs_fri WHERE l1_batch_number = ?")) {
            s.setLong(1, n);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "absent";
            }
        }
    }
}
