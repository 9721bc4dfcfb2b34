package io.provergateway.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Reads a response body on a second thread, at most {@link #CHUNKS} reads ahead of its reader: the socket reads and
 * the zstd decompression run beside the transcoder instead of in front of it. Memory is bounded by
 * {@code CHUNKS × CHUNK} bytes, allocated only as the body needs them (a small body takes one chunk). Whatever the body stream throws (a timeout, a reset, the size limit) is thrown to the
 * reader, unchanged, after the bytes that came before it; the end of the body is the end here.
 *
 * <p>{@link #close} never waits for a read in progress: the reading thread closes the body when that read returns.
 * The caller ends such a read by disconnecting (as {@link CoreHttpClient} does after an unclean exchange).
 */
final class ReadAheadInputStream extends InputStream {
    static final int CHUNK = 128 * 1024;
    static final int CHUNKS = 8;
    private static final Chunk END = new Chunk(new byte[0], -1, null);

    private final InputStream body;
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    /** Guards {@code closed} and {@code readerDone}: whichever of close and the reader's end comes last closes the body. */
    private final Object closing = new Object();
    private boolean closed;
    private boolean readerDone;
    // the reader's side only
    private final byte[] one = new byte[1];
    private Chunk current;
    private int position;
    private Throwable failure;
    // the reading thread's side only
    private int allocated;

    private ReadAheadInputStream(InputStream body) {
        this.body = body;
    }

    /** Starts reading {@code body} on a thread of {@code executor}. */
    static ReadAheadInputStream start(InputStream body, Executor executor) {
        ReadAheadInputStream stream = new ReadAheadInputStream(body);
        executor.execute(stream::readAll);
        return stream;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        Chunk chunk = nextChunk();
        if (chunk == END) {
            return -1;
        }
        int n = Math.min(length, chunk.length() - position);
        System.arraycopy(chunk.bytes(), position, buffer, offset, n);
        position += n;
        return n;
    }

    /** The chunk with unread bytes, waiting for the reading thread if need be; {@link #END} at the end. */
    private Chunk nextChunk() throws IOException {
        if (failure != null) {
            throw rethrown(failure);
        }
        if (current != null && (current == END || position < current.length())) {
            return current;
        }
        if (current != null) {
            free.offer(current.bytes());
        }
        try {
            current = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the response body");
        }
        position = 0;
        if (current.failure() != null) {
            failure = current.failure();
            current = null;
            throw rethrown(failure);
        }
        return current;
    }

    private static IOException rethrown(Throwable failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }

    /** The reading thread: fills free chunks until the end of the body, a failure, or close. */
    private void readAll() {
        try {
            while (!isClosed()) {
                byte[] bytes = nextFreeChunk();
                if (bytes == null) {
                    continue;
                }
                int n = body.read(bytes, 0, bytes.length);
                if (n < 0) {
                    filled.put(END);
                    return;
                }
                filled.put(new Chunk(bytes, n, null));
            }
        } catch (IOException | RuntimeException | Error e) {
            filled.offer(new Chunk(null, 0, e instanceof UncheckedIOException u ? u.getCause() : e));
        } catch (InterruptedException e) {
            filled.offer(new Chunk(null, 0, new InterruptedIOException("response body reader interrupted")));
        } finally {
            readerFinished();
        }
    }

    /** A chunk to read into: a returned one, a new one while fewer than {@link #CHUNKS} exist, else null after a wait. */
    private byte[] nextFreeChunk() throws InterruptedException {
        byte[] bytes = free.poll();
        if (bytes == null && allocated < CHUNKS) {
            allocated++;
            return new byte[CHUNK];
        }
        return bytes != null ? bytes : free.poll(100, TimeUnit.MILLISECONDS);
    }

    private boolean isClosed() {
        synchronized (closing) {
            return closed;
        }
    }

    private void readerFinished() {
        synchronized (closing) {
            readerDone = true;
            if (closed) {
                closeBodyQuietly();
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (closing) {
            if (closed) {
                return;
            }
            closed = true;
            if (readerDone) {
                body.close();
            }
        }
    }

    private void closeBodyQuietly() {
        try {
            body.close();
        } catch (IOException | RuntimeException ignored) {
            // the reader has gone; the exchange is already over
        }
    }

    /** Bytes read from the body, or the failure that ended it. */
    private record Chunk(byte[] bytes, int length, Throwable failure) {}
}
