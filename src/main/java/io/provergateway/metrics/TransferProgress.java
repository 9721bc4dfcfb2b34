package io.provergateway.metrics;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of one long download or upload: once a transfer has run for {@link #INTERVAL_NANOS} (10 s) it logs a line
 * every 10 s with the bytes so far, the total when known and the mean rate. Short transfers log nothing. Costs one
 * clock read per {@link #advance}; not thread-safe (one transfer, one thread).
 */
public final class TransferProgress {
    static final long INTERVAL_NANOS = 10_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(TransferProgress.class);

    private final String what;
    private final long total;
    private final LongSupplier nanoTime;
    private final long started;
    private long nextReport;
    private long bytes;
    private int reports;

    TransferProgress(String what, long total, LongSupplier nanoTime) {
        this.what = what;
        this.total = total;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.nextReport = started + INTERVAL_NANOS;
    }

    /** @param what e.g. {@code "download POST http://core/proof_generation_data"}; @param total bytes, or -1 */
    public static TransferProgress start(String what, long total) {
        return new TransferProgress(what, total, System::nanoTime);
    }

    /** {@code in} counted as a transfer of {@code total} bytes (-1 when unknown). */
    public static InputStream reading(InputStream in, String what, long total) {
        return new Counting(in, start(what, total));
    }

    /** {@code n} more bytes moved; logs when a report is due. */
    public void advance(long n) {
        bytes += Math.max(0, n);
        long now = nanoTime.getAsLong();
        if (now - nextReport >= 0) {
            reports++;
            nextReport = now + INTERVAL_NANOS;
            LOG.info(line(now));
        }
    }

    /** Progress lines logged so far. */
    int reports() {
        return reports;
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        return String.format(Locale.ROOT,
                "transfer in progress what=\"%s\" bytes=%d total=%s elapsed_s=%.0f rate_mb_s=%.2f", what, bytes,
                total < 0 ? "unknown" : Long.toString(total), seconds, bytes / seconds / 1e6);
    }

    private static final class Counting extends FilterInputStream {
        private final TransferProgress progress;

        Counting(InputStream in, TransferProgress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                progress.advance(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            progress.advance(skipped);
            return skipped;
        }
    }
}
