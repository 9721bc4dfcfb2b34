package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The JSON-value-to-CBOR conversions the push-mode witness transcoders share (push-mode spec §4.1, §4.3): structs as
 * definite-length maps in field order, sequences whose length is only known at their end buffered in a spill,
 * hashes and quantities as canonical text.
 */
final class PushCborWriter {
    /** Writes one item whose first token is current. */
    interface Item {
        void write(ByteSink out) throws IOException;
    }

    private final TranscodeSession s;
    private final JsonCursor c;
    private final HexText hex = new HexText();

    PushCborWriter(TranscodeSession session) {
        this.s = session;
        this.c = session.cursor();
    }

    TranscodeSession session() {
        return s;
    }

    JsonCursor cursor() {
        return c;
    }

    static byte[][] keys(String[] names) {
        byte[][] keys = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            keys[i] = CborHeads.encodedText(names[i]);
        }
        return keys;
    }

    /**
     * The struct at the current token as a map in declaration order. Field {@code optional} (or -1) is an
     * {@code Option} with {@code skip_serializing_if = "Option::is_none"}: null or missing writes nothing, and the map
     * length counts only what is written.
     */
    void struct(ByteSink out, String[] names, byte[][] keys, int optional, TranscodeSession.FieldReader reader)
            throws IOException {
        int written = optional < 0 ? names.length : names.length - 1;
        long at = out.position();
        CborHeads.head(out, CborHeads.MAP, written);
        boolean[] present = new boolean[1];
        s.object(names, optional, out, (index, o) -> {
            if (index == optional) {
                if (c.token() == JsonToken.VALUE_NULL) {
                    return;
                }
                present[0] = true;
            }
            o.bytes(keys[index], 0, keys[index].length);
            reader.read(index, o);
        });
        if (present[0]) {
            out.patchU8(at, (CborHeads.MAP << 5) | (written + 1));
        }
    }

    /** A {@code Vec<T>} at the current token: its items go to a spill, then the counted array and the items. */
    void seq(ByteSink out, Item item) throws IOException {
        c.expect(JsonToken.START_ARRAY, "an array");
        ByteSink items = s.newSpill();
        long count = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            item.write(items);
            count++;
        }
        CborHeads.head(out, CborHeads.ARRAY, count);
        out.append(items);
        s.release(items);
    }

    /** A tuple of {@code size} items at the current token; each {@code items[i]} writes item i. */
    void tuple(ByteSink out, String what, Item... items) throws IOException {
        c.expect(JsonToken.START_ARRAY, what);
        CborHeads.head(out, CborHeads.ARRAY, items.length);
        for (Item item : items) {
            if (c.next() == JsonToken.END_ARRAY) {
                throw c.error("expected " + what + " of " + items.length + " items, got fewer");
            }
            item.write(out);
        }
        if (c.next() != JsonToken.END_ARRAY) {
            throw syntax("trailing characters: " + what + " has more than " + items.length + " items");
        }
    }

    PushRequestSyntaxException syntax(String problem) {
        return new PushRequestSyntaxException(c.path(), problem, null);
    }

    /** A plain {@code [u8; size]} at the current token: an array of {@code size} uints. */
    void byteArray(ByteSink out, int size) throws IOException {
        c.expect(JsonToken.START_ARRAY, "an array of " + size + " bytes");
        CborHeads.head(out, CborHeads.ARRAY, size);
        int n = 0;
        for (JsonToken t = c.next(); t != JsonToken.END_ARRAY; t = c.next()) {
            if (n == size) {
                throw syntax("trailing characters: expected " + size + " bytes, got more");
            }
            CborHeads.u8(out, u8(t));
            n++;
        }
        if (n != size) {
            throw c.error("expected " + size + " bytes, got " + n);
        }
    }

    /** A {@code Vec<u8>} (without {@code Bytes}) at the current token: an array of uints of any length. */
    void byteVec(ByteSink out) throws IOException {
        c.expect(JsonToken.START_ARRAY, "an array of bytes");
        ByteSink items = s.newSpill();
        long n = 0;
        for (JsonToken t = c.next(); t != JsonToken.END_ARRAY; t = c.next()) {
            CborHeads.u8(items, u8(t));
            n++;
        }
        CborHeads.head(out, CborHeads.ARRAY, n);
        out.append(items);
        s.release(items);
    }

    /** A {@code [u8; 32]} with {@code serde_with::Bytes} at the current token: a byte string of 32. */
    void byteString32(ByteSink out) throws IOException {
        c.expect(JsonToken.START_ARRAY, "an array of 32 bytes");
        CborHeads.head(out, CborHeads.BYTES, Bytes32.LENGTH);
        int n = 0;
        for (JsonToken t = c.next(); t != JsonToken.END_ARRAY; t = c.next()) {
            if (n == Bytes32.LENGTH) {
                throw syntax("trailing characters: expected 32 bytes, got more");
            }
            out.u8(u8(t));
            n++;
        }
        if (n != Bytes32.LENGTH) {
            throw c.error("expected 32 bytes, got " + n);
        }
    }

    private int u8(JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw c.unexpected("u8 (0 to 255)");
        }
        if (c.reader.numberKind != JsonLexer.U64 || (c.reader.numberBits & ~0xFFL) != 0) {
            throw c.error("expected u8 (0 to 255), got " + c.numberText());
        }
        return (int) c.reader.numberBits;
    }

    /** Fixed-size hash text ({@code H256}: 32 bytes, {@code H160}: 20) at the current token, canonical text. */
    void hash(ByteSink out, int bytes) throws IOException {
        c.expect(JsonToken.VALUE_STRING, bytes == Bytes32.LENGTH ? "an H256 hex string" : "an H160 hex string");
        String problem = hex.fixed(c.textChars(), 0, c.textLength(), bytes);
        if (problem != null) {
            throw c.error(problem);
        }
        CborHeads.ascii(out, hex.bytes(), hex.length());
    }

    /** U256 text at the current token (a value or a map key), canonical text. */
    void u256(ByteSink out) throws IOException {
        if (c.token() != JsonToken.FIELD_NAME) {
            c.expect(JsonToken.VALUE_STRING, "a U256 hex string");
        }
        String problem = hex.quantity(c.textChars(), 0, c.textLength());
        if (problem != null) {
            throw c.error(problem);
        }
        CborHeads.ascii(out, hex.bytes(), hex.length());
    }
}
