package io.provergateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TransferProgressTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(5 * SECOND);

    @Test
    void shortTransfers_logNothing() {
        TransferProgress progress = new TransferProgress("download x", 1000, now::get);
        for (int i = 0; i < 9; i++) {
            now.addAndGet(SECOND);
            progress.advance(100);
        }
        assertThat(progress.reports()).isZero();
    }

    @Test
    void longTransfers_reportEveryTenSeconds_withBytesTotalAndRate() {
        TransferProgress progress = new TransferProgress("download http://core/proof_generation_data", 300_000_000,
                now::get);
        for (int second = 1; second <= 25; second++) {
            now.addAndGet(SECOND);
            progress.advance(4_000_000);
        }
        assertThat(progress.reports()).isEqualTo(2);
        assertThat(progress.line(now.get())).isEqualTo("transfer in progress what=\"download "
                + "http://core/proof_generation_data\" bytes=100000000 total=300000000 elapsed_s=25 rate_mb_s=4.00");
    }

    @Test
    void anUnknownTotal_isSaidSo() {
        TransferProgress progress = new TransferProgress("read witness_inputs/k", -1, now::get);
        now.addAndGet(10 * SECOND);
        progress.advance(1);
        assertThat(progress.reports()).isEqualTo(1);
        assertThat(progress.line(now.get())).contains("bytes=1 total=unknown");
    }
}
