package io.provergateway.push;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that counts what was read and fails the read that passes {@code limit} bytes; {@link #exceeded()}
 * tells afterwards whether that is why a parser failed, however the parser wrapped the I/O error.
 */
final class CountingBody extends FilterInputStream {
    private final long limit;
    private long count;
    private boolean exceeded;

    CountingBody(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
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

    private void add(long n) throws IOException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new IOException("request body exceeds the limit of " + limit + " bytes");
        }
    }
}
