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
    void aSecondOwnerOfTheSameDirectoryIsRefused() {
        try (WitnessSpool spool = WitnessSpool.open(dir)) {
            assertThatThrownBy(() -> WitnessSpool.open(dir))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("in use by another gateway")
                    .hasMessageContaining("FRI_PROVER_GATEWAY_SPOOL_PATH");
        }
    }
}
