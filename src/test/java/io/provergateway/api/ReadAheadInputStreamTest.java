package io.provergateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    @Test
    void everyByteArrivesInOrder_whateverSizesTheBodyAndTheReaderRead() throws IOException {
        byte[] data = new byte[3 * ReadAheadInputStream.CHUNKS * ReadAheadInputStream.CHUNK + 12345];
        new Random(7).nextBytes(data);
        Random sizes = new Random(8);
        InputStream body = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + sizes.nextInt(70_000)));
            }
        };

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = ReadAheadInputStream.start(body, executor)) {
            byte[] buffer = new byte[50_000];
            Random reads = new Random(9);
            int n;
            while ((n = in.read(buffer, 0, 1 + reads.nextInt(buffer.length))) >= 0) {
                out.write(buffer, 0, n);
            }
            assertThat(in.read()).isEqualTo(-1);
        }

        assertThat(out.toByteArray()).isEqualTo(data);
    }

    @Test
    void aFailureOfTheBodyComesAfterTheBytesBeforeIt_unchanged_andStays() throws IOException {
        SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");
        InputStream body = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent == 3) {
                    throw timeout;
                }
                return 'a' + sent++;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int c = read();
                b[off] = (byte) c;
                return 1;
            }
        };

        try (InputStream in = ReadAheadInputStream.start(body, executor)) {
            assertThat(in.read()).isEqualTo('a');
            assertThat(in.read()).isEqualTo('b');
            assertThat(in.read()).isEqualTo('c');
            assertThatThrownBy(in::read).isSameAs(timeout);
            assertThatThrownBy(in::read).isSameAs(timeout);
        }
    }

    @Test
    void anUncheckedFailureOfTheBodyIsThrownAsItIs() throws IOException {
        IllegalStateException broken = new IllegalStateException("decoder state");
        InputStream body = new InputStream() {
            @Override
            public int read() {
                throw broken;
            }
        };

        try (InputStream in = ReadAheadInputStream.start(body, executor)) {
            assertThatThrownBy(in::read).isSameAs(broken);
        }
    }

    @Test
    void itReadsAtMostItsChunksAheadOfASlowReader() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                reads.incrementAndGet();
                return len;
            }
        };

        try (InputStream in = ReadAheadInputStream.start(endless, executor)) {
            assertThat(in.read()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() >= ReadAheadInputStream.CHUNKS);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> reads.get() == ReadAheadInputStream.CHUNKS);
        }
    }

    @Test
    void closeDoesNotWaitForAReadInProgress_theBodyIsClosedWhenThatReadReturns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        InputStream stalled = new InputStream() {
            @Override
            public int read() {
                return -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                reading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                throw new IOException("Socket closed");
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };

        InputStream in = ReadAheadInputStream.start(stalled, executor);
        reading.await();
        in.close();
        assertThat(closed).as("not while the read is blocked").isFalse();

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).untilTrue(closed);
    }

    @Test
    void closeAfterTheEndClosesTheBodyAtOnce() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream body = new ByteArrayInputStream(new byte[] {1, 2}) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        InputStream in = ReadAheadInputStream.start(body, executor);
        assertThat(in.readAllBytes()).containsExactly(1, 2);
        in.close();

        await().atMost(Duration.ofSeconds(5)).untilTrue(closed);
    }
}
