package io.provergateway.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A seekable bincode sink: a byte buffer in front of a file. The transcoder's output is one; an out-of-order field is
 * buffered in another (a spill) that stays in memory up to its buffer size and then moves to a temp file. Counts are
 * written as placeholders and patched later; a tail can be cut off to insert bytes before it.
 */
final class ByteSink implements AutoCloseable {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int COPY_CHUNK = 1 << 16;
    private static final int INITIAL_FILE_BUFFER = 1 << 16;

    private final Path spillDir;
    private final boolean isSpill;
    private final int maxBuffer;
    private FileChannel channel;
    private Path spillFile;
    private byte[] buf;
    private int pos;
    private long flushed;

    private ByteSink(FileChannel channel, Path spillDir, int initialBuffer, int maxBuffer) {
        this.channel = channel;
        this.isSpill = channel == null;
        this.spillDir = spillDir;
        this.maxBuffer = maxBuffer;
        this.buf = new byte[initialBuffer];
    }

    /** The output file (created or truncated). */
    static ByteSink toFile(Path file, int bufferSize) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            // starts small and grows to bufferSize: a small batch does not allocate (and zero) the whole buffer
            return new ByteSink(ch, file.toAbsolutePath().getParent(), Math.min(INITIAL_FILE_BUFFER, bufferSize),
                    bufferSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An in-memory buffer that moves to a temp file in {@code dir} once it outgrows {@code maxMemory}. */
    static ByteSink spill(Path dir, int maxMemory) {
        return new ByteSink(null, dir, Math.min(256, maxMemory), maxMemory);
    }

    long position() {
        return flushed + pos;
    }

    void u8(int value) {
        if (pos == buf.length) {
            makeRoom(1);
        }
        buf[pos++] = (byte) value;
    }

    void u32(int value) {
        if (buf.length - pos < 4) {
            makeRoom(4);
        }
        INT_LE.set(buf, pos, value);
        pos += 4;
    }

    void u64(long value) {
        if (buf.length - pos < 8) {
            makeRoom(8);
        }
        LONG_LE.set(buf, pos, value);
        pos += 8;
    }

    void bytes(byte[] src, int off, int len) {
        if (buf.length - pos < len) {
            makeRoom(len);
            if (buf.length - pos < len) {
                flush();
                if (channel == null) {
                    openSpillFile();
                }
                writeAt(ByteBuffer.wrap(src, off, len), flushed);
                flushed += len;
                return;
            }
        }
        System.arraycopy(src, off, buf, pos, len);
        pos += len;
    }

    /** Writes a u64 placeholder and returns its position for {@link #patchU64}. */
    long reserveU64() {
        long at = position();
        u64(0);
        return at;
    }

    void patchU64(long at, long value) {
        if (at >= flushed) {
            LONG_LE.set(buf, (int) (at - flushed), value);
            return;
        }
        if (at + 8 > flushed) {
            flush();
        }
        ByteBuffer bb = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value);
        writeAt(bb, at);
    }

    /** Overwrites the byte at {@code at} (a CBOR map head whose length is known only at the end). */
    void patchU8(long at, int value) {
        if (at >= flushed) {
            buf[(int) (at - flushed)] = (byte) value;
            return;
        }
        writeAt(ByteBuffer.wrap(new byte[] {(byte) value}), at);
    }

    /** Copies {@code len} written bytes starting at {@code at} into {@code dst}. */
    void read(long at, byte[] dst, int len) {
        if (at < flushed) {
            flush();
            ByteBuffer bb = ByteBuffer.wrap(dst, 0, len);
            readAt(bb, at);
            return;
        }
        System.arraycopy(buf, (int) (at - flushed), dst, 0, len);
    }

    /** Overwrites {@code len} written bytes at {@code at} with {@code src}. */
    void patch(long at, byte[] src, int len) {
        if (at + len > flushed && at < flushed) {
            flush();
        }
        if (at >= flushed) {
            System.arraycopy(src, 0, buf, (int) (at - flushed), len);
        } else {
            writeAt(ByteBuffer.wrap(src, 0, len), at);
        }
    }

    /** Drops everything from {@code from} on. */
    void truncate(long from) {
        if (from >= flushed) {
            pos = (int) (from - flushed);
            return;
        }
        cutTail(from).close();
    }

    /** Deletes the bytes in [from, to); what follows moves back. */
    void delete(long from, long to) {
        try (ByteSink tail = cutTail(from)) {
            long length = tail.flushed + tail.pos;
            byte[] chunk = new byte[(int) Math.min(COPY_CHUNK, Math.max(1, length))];
            for (long at = to - from; at < length; ) {
                int n = (int) Math.min(chunk.length, length - at);
                tail.read(at, chunk, n);
                bytes(chunk, 0, n);
                at += n;
            }
        }
    }

    /** Appends everything in {@code source} to this sink. */
    void append(ByteSink source) {
        if (source.channel == null) {
            bytes(source.buf, 0, source.pos);
            return;
        }
        source.flush();
        byte[] chunk = new byte[COPY_CHUNK];
        for (long at = 0; at < source.flushed; ) {
            ByteBuffer bb = ByteBuffer.wrap(chunk, 0, (int) Math.min(COPY_CHUNK, source.flushed - at));
            source.readAt(bb, at);
            bytes(chunk, 0, bb.position());
            at += bb.position();
        }
    }

    /** Moves the bytes from {@code from} to the end into a new spill; this sink then ends at {@code from}. */
    ByteSink cutTail(long from) {
        ByteSink tail = spill(spillDir, maxBuffer);
        if (from >= flushed) {
            int start = (int) (from - flushed);
            tail.bytes(buf, start, pos - start);
            pos = start;
            return tail;
        }
        flush();
        byte[] chunk = new byte[COPY_CHUNK];
        for (long at = from; at < flushed; ) {
            ByteBuffer bb = ByteBuffer.wrap(chunk, 0, (int) Math.min(COPY_CHUNK, flushed - at));
            readAt(bb, at);
            tail.bytes(chunk, 0, bb.position());
            at += bb.position();
        }
        try {
            channel.truncate(from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flushed = from;
        return tail;
    }

    void flush() {
        if (pos == 0) {
            return;
        }
        if (channel == null) {
            openSpillFile();
        }
        writeAt(ByteBuffer.wrap(buf, 0, pos), flushed);
        flushed += pos;
        pos = 0;
    }

    private void makeRoom(int n) {
        if (buf.length < maxBuffer) {
            long wanted = Math.max((long) pos + n, 2L * buf.length);
            byte[] bigger = new byte[(int) Math.min(wanted, maxBuffer)];
            System.arraycopy(buf, 0, bigger, 0, pos);
            buf = bigger;
        }
        if (buf.length - pos < n) {
            flush();
        }
    }

    private void openSpillFile() {
        try {
            spillFile = Files.createTempFile(spillDir, "transcode-", ".spill");
            channel = FileChannel.open(spillFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeAt(ByteBuffer bb, long at) {
        try {
            long p = at;
            while (bb.hasRemaining()) {
                p += channel.write(bb, p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readAt(ByteBuffer bb, long at) {
        try {
            while (bb.hasRemaining()) {
                int n = channel.read(bb, at + bb.position());
                if (n < 0) {
                    throw new IOException("spill file shorter than expected");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes; for a spill, also deletes its temp file. */
    @Override
    public void close() {
        try {
            if (!isSpill) {
                flush();
            }
            pos = 0;
            buf = new byte[0];
            if (channel != null) {
                channel.close();
            }
            if (spillFile != null) {
                Files.deleteIfExists(spillFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
