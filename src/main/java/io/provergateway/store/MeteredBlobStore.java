package io.provergateway.store;

import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.metrics.TransferProgress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Reports successful writes and reads as {@link GatewayMetrics#blobStored} and {@link GatewayMetrics#blobFetched}.
 * A read is reported when its stream is closed, with the bytes read through it and the time since {@code open}.
 */
public final class MeteredBlobStore implements BlobStore {
    private final BlobStore delegate;
    private final GatewayMetrics metrics;
    private final LongSupplier nanoTime;

    public MeteredBlobStore(BlobStore delegate, GatewayMetrics metrics) {
        this(delegate, metrics, System::nanoTime);
    }

    MeteredBlobStore(BlobStore delegate, GatewayMetrics metrics, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    @Override
    public void put(String bucket, String key, Path content) {
        long start = nanoTime.getAsLong();
        delegate.put(bucket, key, content);
        metrics.blobStored(bucket, sizeOf(content), Duration.ofNanos(nanoTime.getAsLong() - start));
    }

    @Override
    public InputStream open(String bucket, String key) {
        long start = nanoTime.getAsLong();
        InputStream in = delegate.open(bucket, key);
        return new CountingStream(TransferProgress.reading(in, "read " + bucket + "/" + key, -1), bucket, start);
    }

    private static long sizeOf(Path content) {
        try {
            return Files.size(content);
        } catch (IOException e) {
            return 0;
        }
    }

    private final class CountingStream extends FilterInputStream {
        private final String bucket;
        private final long start;
        private long bytes;
        private boolean reported;

        CountingStream(InputStream in, String bucket, long start) {
            super(in);
            this.bucket = bucket;
            this.start = start;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytes += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            bytes += Math.max(0, skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                if (!reported) {
                    reported = true;
                    metrics.blobFetched(bucket, bytes, Duration.ofNanos(nanoTime.getAsLong() - start));
                }
            }
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
