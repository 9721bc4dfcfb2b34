package io.provergateway.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** bincode 1.x legacy primitives (little-endian, fixint) written to an {@link OutputStream} through a buffer. */
final class BincodeWriter {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;

    BincodeWriter(OutputStream out) {
        this.out = out;
    }

    void u8(int value) {
        room(1);
        buffer[pos++] = (byte) value;
    }

    void bool(boolean value) {
        u8(value ? 1 : 0);
    }

    void u32(long value) {
        room(4);
        for (int i = 0; i < 4; i++) {
            buffer[pos++] = (byte) (value >>> (8 * i));
        }
    }

    void u64(long value) {
        room(8);
        for (int i = 0; i < 8; i++) {
            buffer[pos++] = (byte) (value >>> (8 * i));
        }
    }

    void bytes(byte[] data) {
        if (data.length > buffer.length - pos) {
            flush();
            write(data, data.length);
            return;
        }
        System.arraycopy(data, 0, buffer, pos, data.length);
        pos += data.length;
    }

    /** A plain {@code [u8; 32]}: the raw bytes, no length. */
    void raw32(Bytes32 value) {
        bytes(value.toArray());
    }

    /** A serde {@code Bytes} {@code [u8; 32]}: u64 length 32 then the bytes. */
    void prefixed32(Bytes32 value) {
        u64(Bytes32.LENGTH);
        raw32(value);
    }

    /** A {@code String}: u64 byte length then UTF-8 bytes. */
    void str(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        u64(utf8.length);
        bytes(utf8);
    }

    void fieldElement(FieldElement value) {
        for (int i = 0; i < 4; i++) {
            u64(value.limb(i));
        }
    }

    void g1(G1Point point) {
        fieldElement(point.x());
        fieldElement(point.y());
        bool(point.infinity());
    }

    void flush() {
        write(buffer, pos);
        pos = 0;
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void room(int n) {
        if (buffer.length - pos < n) {
            write(buffer, pos);
            pos = 0;
        }
    }

    private void write(byte[] data, int length) {
        try {
            out.write(data, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
