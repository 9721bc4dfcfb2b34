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
    private final byte[] u8s = new byte[Eip4844Blobs.BLOB_SIZE];
    private final byte[] encoded = new byte[2 * Eip4844Blobs.BLOB_SIZE];

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
        fixedU8(size);
        CborHeads.head(out, CborHeads.ARRAY, size);
        CborHeads.u8s(out, u8s, size, encoded);
    }

    /** A {@code [u8; 32]} with {@code serde_with::Bytes} at the current token: a byte string of 32. */
    void byteString32(ByteSink out) throws IOException {
        fixedU8(Bytes32.LENGTH);
        CborHeads.head(out, CborHeads.BYTES, Bytes32.LENGTH);
        out.bytes(u8s, 0, Bytes32.LENGTH);
    }

    /** Exactly {@code size} u8 into {@code u8s} (the reader's fast path); more is serde_json's TrailingCharacters. */
    private void fixedU8(int size) throws IOException {
        try {
            c.u8Array(u8s, size);
        } catch (MalformedPayloadException e) {
            if (e.problem().endsWith("got more")) {
                throw new PushRequestSyntaxException(e.location(), "trailing characters: " + e.problem(), e);
            }
            throw e;
        }
    }

    /**
     * A {@code Vec<u8>} (without {@code Bytes}) at the current token: an array of uints of any length. Up to a
     * blob's size is read on the reader's fast path into memory; a longer one continues into a spill.
     */
    void byteVec(ByteSink out) throws IOException {
        c.expect(JsonToken.START_ARRAY, "an array of bytes");
        int n = 0;
        boolean ended = false;
        while (!ended && n < u8s.length) {
            int fast = c.reader.fastU8(u8s, n, u8s.length, 0);
            if (fast < 0) {
                n = -fast - 1;
                ended = true;
            } else if (fast < u8s.length) {
                n = fast;
                JsonToken t = c.next();
                if (t == JsonToken.END_ARRAY) {
                    ended = true;
                } else {
                    u8s[n++] = (byte) u8(t);
                }
            } else {
                n = fast;
            }
        }
        ByteSink rest = ended ? null : s.newSpill();
        long extra = 0;
        if (rest != null) {
            for (JsonToken t = c.next(); t != JsonToken.END_ARRAY; t = c.next()) {
                CborHeads.u8(rest, u8(t));
                extra++;
            }
        }
        CborHeads.head(out, CborHeads.ARRAY, n + extra);
        CborHeads.u8s(out, u8s, n, encoded);
        if (rest != null) {
            out.append(rest);
            s.release(rest);
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
