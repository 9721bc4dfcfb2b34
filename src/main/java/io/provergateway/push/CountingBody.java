package io.provergateway.push;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that counts what was read and fails the read that passes {@code limit} bytes; {@link #exceeded()}
 * tells afterwards whether that is why a parser failed, however the parser wrapped the I/O error. It also tells a
 * watchdog since when a read has been blocked ({@link #blockedSince()}); {@link #silenced()} says the watchdog cut it.
 */
final class CountingBody extends FilterInputStream {
    private final long limit;
    private long count;
    private boolean exceeded;
    /** {@link System#nanoTime()} when the read in progress began; {@code 0} when no read is in progress. */
    private volatile long blockedSince;
    private volatile boolean silenced;

    CountingBody(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b;
        blockedSince = System.nanoTime() | 1;
        try {
            b = super.read();
        } finally {
            blockedSince = 0;
        }
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        blockedSince = System.nanoTime() | 1;
        try {
            n = super.read(buffer, offset, length);
        } finally {
            blockedSince = 0;
        }
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    long count() {
        return count;
    }

    long limit() {
        return limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    /** When the read in progress began ({@link System#nanoTime()}), or {@code 0} when none is in progress. */
    long blockedSince() {
        return blockedSince;
    }

    void markSilenced() {
        silenced = true;
    }

    /** Whether the silence watchdog aborted this body. */
    boolean silenced() {
        return silenced;
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new IOException("request body exceeds the limit of " + limit + " bytes");
        }
    }
}
