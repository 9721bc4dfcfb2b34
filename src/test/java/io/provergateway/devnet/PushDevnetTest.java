package io.provergateway.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushDevnetTest {

    @Test
    void everyProofIsFetched_plonkAndFflonk_withRePushesAfterTheTimeout() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PushDevnet.Options options = new PushDevnet.Options(3, 1, CommitmentMode.VALIDIUM, Duration.ofMillis(1500),
                Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(60), 0);

        try (PushDevnet devnet = PushDevnet.start(options, out, false)) {
            PushDevnet.Outcome outcome = devnet.awaitCompletion();

            assertThat(outcome.complete()).as(outcome.reason() + "\n" + bytes).isTrue();
            assertThat(devnet.acceptedPushes()).as("re-pushes while proving").isGreaterThan(3);
            assertThat(devnet.summary()).contains("profile: ProverCluster").contains("3/3");
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("batch 2 fetched again (re-issued)").contains("batch 3 acknowledged");
    }

    @Test
    void witnessHeadCheck_readsTheBatchNumberOfACiboriumBlob() {
        byte[] head = new byte[40];
        byte[] prefix = {(byte) 0xa4, 0x6b, 'v', 'm', '_', 'r', 'u', 'n', '_', 'd', 'a', 't', 'a', (byte) 0xa9, 0x6f,
            'l', '1', '_', 'b', 'a', 't', 'c', 'h', '_', 'n', 'u', 'm', 'b', 'e', 'r', 0x19, 0x01, 0x2c};
        System.arraycopy(prefix, 0, head, 0, prefix.length);

        assertThat(PushProverSimulator.batchNumberIn(head)).isEqualTo(300);
        head[0] = (byte) 0xa5;
        assertThat(PushProverSimulator.batchNumberIn(head)).isEqualTo(-1);
    }
}
