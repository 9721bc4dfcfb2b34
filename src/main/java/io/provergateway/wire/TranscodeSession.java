package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * One transcoding run: the JSON cursor, the spill buffers it created, and the JSON-value-to-bincode conversions
 * (spec §2.1) shared by the struct transcoders.
 */
final class TranscodeSession implements AutoCloseable {
    /** Reads the value of field {@code index} (its first token is current) and writes its bincode to {@code out}. */
    interface FieldReader {
        void read(int index, ByteSink out) throws IOException;
    }

    private final JsonCursor c;
    private final Path spillDir;
    private final int spillMemory;
    private final Set<ByteSink> spills = Collections.newSetFromMap(new IdentityHashMap<>());
    private final HexText hex = new HexText();
    private final byte[] u8s = new byte[Eip4844Blobs.BLOB_SIZE];

    TranscodeSession(JsonCursor cursor, Path spillDir, int spillMemory) {
        this.c = cursor;
        this.spillDir = spillDir;
        this.spillMemory = spillMemory;
    }

    JsonCursor cursor() {
        return c;
    }

    ByteSink newSpill() {
        ByteSink spill = ByteSink.spill(spillDir, spillMemory);
        spills.add(spill);
        return spill;
    }

    /** Closes (deletes) a spill once its bytes have been appended where they belong. */
    void release(ByteSink spill) {
        spills.remove(spill);
        spill.close();
    }

    /** The object at the current token, fields in any order, written in declaration order. */
    void object(String[] names, int optional, ByteSink out, FieldReader reader) throws IOException {
        c.expect(JsonToken.START_OBJECT, "an object");
        FieldOrder order = new FieldOrder(names, optional, out, this);
        for (String name = c.nextField(); name != null; name = c.nextField()) {
            int index = order.index(name);
            if (index < 0) {
                c.skipValue();
                continue;
            }
            ByteSink sink = order.begin(index);
            c.next();
            reader.read(index, sink);
            order.end();
        }
        order.finish();
    }

    /** Moves to the next item of a tuple (a JSON array of fixed length). */
    void tupleItem(int size) throws IOException {
        if (c.next() == JsonToken.END_ARRAY) {
            throw c.error("expected a tuple of " + size + " items, got fewer");
        }
    }

    void tupleEnd(int size) throws IOException {
        if (c.next() != JsonToken.END_ARRAY) {
            throw c.error("expected a tuple of " + size + " items, got more");
        }
    }

    /** A {@code Vec<T>} at the current token: u64 count (patched at the end), then the items. */
    void vec(ByteSink out, ItemWriter item) throws IOException {
        c.expect(JsonToken.START_ARRAY, "an array");
        long at = out.reserveU64();
        long count = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            item.write(out);
            count++;
        }
        out.patchU64(at, count);
    }

    /**
     * A {@code Vec<[u8; size]>} at the current token, as {@link #vec} of {@link #byteArray} (each item behind a u64
     * length when {@code prefixed}, serde's {@code Bytes} form); plain items take the reader's element fast path.
     */
    void byteArrays(ByteSink out, int size, boolean prefixed) throws IOException {
        c.expect(JsonToken.START_ARRAY, "an array");
        JsonReader r = c.reader;
        long at = out.reserveU64();
        long count = 0;
        while (true) {
            if (!r.plainU8Element(u8s, size)) {
                if (c.next() == JsonToken.END_ARRAY) {
                    break;
                }
                c.u8Array(u8s, size);
            }
            if (prefixed) {
                out.u64(size);
            }
            out.bytes(u8s, 0, size);
            count++;
        }
        out.patchU64(at, count);
    }

    /** Writes one item whose first token is current. */
    interface ItemWriter {
        void write(ByteSink out) throws IOException;
    }

    /** Exactly {@code size} u8 numbers at the current token (START_ARRAY), written raw. */
    void byteArray(ByteSink out, int size) throws IOException {
        c.u8Array(u8s, size);
        out.bytes(u8s, 0, size);
    }

    /** A {@code Vec<u8>} of any length at the current token (START_ARRAY), written raw; returns its length. */
    long bytes(ByteSink out) throws IOException {
        return c.u8Vec(u8s, out);
    }

    /** Fixed-size hash text at the current token, written as its canonical bincode {@code str}. */
    void hash(ByteSink out, int bytes) throws IOException {
        c.expect(JsonToken.VALUE_STRING, bytes == Bytes32.LENGTH ? "an H256 hex string" : "an H160 hex string");
        String problem = hex.fixed(c.textChars(), 0, c.textLength(), bytes);
        if (problem != null) {
            throw c.error(problem);
        }
        writeHex(out);
    }

    /** U256 text at the current token, written canonically. */
    void u256(ByteSink out) throws IOException {
        c.expect(JsonToken.VALUE_STRING, "a U256 hex string");
        u256Text(c.textChars(), 0, c.textLength());
        writeHex(out);
    }

    /** Parses U256 text (e.g. a map key); the canonical form is then in {@link #hexText()}. */
    void u256Text(char[] chars, int offset, int len) {
        String problem = hex.quantity(chars, offset, len);
        if (problem != null) {
            throw c.error(problem);
        }
    }

    String hexText() {
        return hex.text();
    }

    void writeHex(ByteSink out) {
        out.u64(hex.length());
        out.bytes(hex.bytes(), 0, hex.length());
    }

    /** Closes (and deletes) every spill still open, e.g. after an error. */
    @Override
    public void close() {
        spills.forEach(ByteSink::close);
        spills.clear();
    }
}
