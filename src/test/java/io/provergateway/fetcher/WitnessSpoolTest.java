package io.provergateway.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.config.ConfigException;
import io.provergateway.wire.Bytes32;
import io.provergateway.wire.ProtocolVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessSpoolTest {
    private static final Bytes32 VK = Bytes32.fromHex(
            "0x14f97b81e54b35fe673d8708cc1a19e1ea5b5e348e12d31e39824ed4f42bbca2");

    @TempDir
    Path dir;

    @Test
    void committedBatchesSurviveReopeningWithTheirMetadataLowestFirst() throws Exception {
        try (WitnessSpool spool = WitnessSpool.open(dir)) {
            for (long n : new long[] {12, 3}) {
                Path incoming = spool.newIncomingFile();
                Files.write(incoming, new byte[] {(byte) n});
                spool.commit(incoming, n, new ProtocolVersion(28, 1), VK);
            }
        }
        try (WitnessSpool reopened = WitnessSpool.open(dir)) {
            assertThat(reopened.pending()).extracting(SpooledBatch::l1BatchNumber).containsExactly(3L, 12L);
            SpooledBatch first = reopened.pending().get(0);
            assertThat(first.protocolVersion()).isEqualTo(new ProtocolVersion(28, 1));
            assertThat(first.snarkWrapperVkHash()).isEqualTo(VK);
            assertThat(Files.readAllBytes(first.file())).containsExactly(3);
            reopened.remove(first);
            assertThat(reopened.pending()).hasSize(1);
        }
    }

    @Test
    void halfReceivedPayloadsAreClearedOnOpenAndNeverPending() throws Exception {
        try (WitnessSpool spool = WitnessSpool.open(dir)) {
            Files.write(spool.newIncomingFile(), new byte[] {1, 2, 3});
        }
        try (WitnessSpool reopened = WitnessSpool.open(dir)) {
            assertThat(reopened.pending()).isEmpty();
            try (var files = Files.list(dir.resolve("incoming"))) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void instancesSharingOneSpoolPath_eachTakeTheirOwnSlot_theFirstThePathItself() {
        try (WitnessSpool first = WitnessSpool.open(dir);
                WitnessSpool second = WitnessSpool.open(dir);
                WitnessSpool third = WitnessSpool.open(dir)) {
            assertThat(first.slotDir()).isEqualTo(dir);
            assertThat(second.slotDir()).isEqualTo(dir.resolve("slot-1"));
            assertThat(third.slotDir()).isEqualTo(dir.resolve("slot-2"));
        }
        try (WitnessSpool again = WitnessSpool.open(dir)) {
            assertThat(again.slotDir()).as("a freed slot is taken again, lowest first").isEqualTo(dir);
        }
    }

    @Test
    void aSlotLeftWithCommittedBatches_isAdoptedByARunningInstanceWhoseOwnSlotIsEmpty() throws Exception {
        long[] clock = {0};
        try (WitnessSpool survivor = WitnessSpool.open(dir, () -> clock[0])) {
            try (WitnessSpool dying = WitnessSpool.open(dir)) {
                commit(dying, 7);
                commit(dying, 5);
                Files.write(dying.newIncomingFile(), new byte[] {9});
                assertThat(survivor.pending()).as("slot-1 is still held").isEmpty();
            }
            assertThat(survivor.pending()).as("not before the next scan").isEmpty();
            clock[0] += WitnessSpool.ADOPT_INTERVAL.toNanos();

            assertThat(survivor.pending()).extracting(SpooledBatch::l1BatchNumber).containsExactly(5L, 7L);
            assertThat(survivor.pending().get(0).file().getParent()).isEqualTo(dir);
            try (var files = Files.list(dir.resolve("slot-1").resolve("incoming"))) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void aSingleDirectorySpoolOfThePreviousVersion_isDrainedAsSlotZero_byASecondInstanceToo() throws Exception {
        Files.write(dir.resolve("batch_4_0_28_1_" + VK.toHex().substring(2) + ".bin"), new byte[] {4});
        Files.write(dir.resolve(".lock"), new byte[0]);
        long[] clock = {0};
        try (WitnessSpool holder = WitnessSpool.open(dir);
                WitnessSpool other = WitnessSpool.open(dir, () -> clock[0])) {
            assertThat(holder.pending()).extracting(SpooledBatch::l1BatchNumber).containsExactly(4L);
            assertThat(other.pending()).isEmpty();
        }
        try (WitnessSpool upgraded = WitnessSpool.open(dir.resolve("slot-1"))) {
            assertThat(upgraded.pending()).as("an explicit path per instance stays its own spool").isEmpty();
        }
        try (WitnessSpool inSlotOne = WitnessSpool.open(dir, () -> clock[0]);
                WitnessSpool adopter = WitnessSpool.open(dir, () -> clock[0])) {
            assertThat(inSlotOne.slotDir()).isEqualTo(dir);
            assertThat(inSlotOne.pending()).extracting(SpooledBatch::l1BatchNumber).containsExactly(4L);
            assertThat(adopter.slotDir()).isEqualTo(dir.resolve("slot-1"));
        }
    }

    @Test
    void anUnusableSpoolPath_isAConfigurationErrorNamingTheSetting() throws Exception {
        Path file = Files.write(dir.resolve("not-a-dir"), new byte[0]);
        assertThatThrownBy(() -> WitnessSpool.open(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("FRI_PROVER_GATEWAY_SPOOL_PATH");
    }

    private static void commit(WitnessSpool spool, long n) throws Exception {
        Path incoming = spool.newIncomingFile();
        Files.write(incoming, new byte[] {(byte) n});
        spool.commit(incoming, n, new ProtocolVersion(28, 1), VK);
    }
}
