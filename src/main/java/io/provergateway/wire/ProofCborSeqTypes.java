package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/** The sequence types of the push-mode proof objects: {@code Vec<T>}, {@code [T; N]} and tuples. */
final class ProofCborSeqTypes {
    private ProofCborSeqTypes() {}

    /** {@code Vec<T>}; for {@code Vec<u8>} a CBOR byte string is read too (ciborium does). */
    static ProofCborTypes.Type seq(ProofCborTypes.Type item) {
        return new ProofCborTypes.Type() {
            @Override
            void render(CborItem v, String path, JsonGenerator g) throws IOException {
                List<CborItem> items = items(v, path, item, "an array");
                g.writeStartArray();
                for (int i = 0; i < items.size(); i++) {
                    item.render(items.get(i), path + "[" + i + "]", g);
                }
                g.writeEndArray();
            }

            @Override
            void encode(JsonNode n, String path, ProofCborOut out) {
                if (!n.isArray()) {
                    throw wrong(path, "an array", n.getNodeType().toString());
                }
                out.head(CborHeads.ARRAY, n.size());
                for (int i = 0; i < n.size(); i++) {
                    item.encode(n.get(i), path + "[" + i + "]", out);
                }
            }
        };
    }

    /** {@code [T; size]}: exactly {@code size} items. */
    static ProofCborTypes.Type fixed(int size, ProofCborTypes.Type item) {
        ProofCborTypes.Type[] items = new ProofCborTypes.Type[size];
        java.util.Arrays.fill(items, item);
        return tuple(items);
    }

    /** A tuple (or fixed array) of exactly these items. */
    static ProofCborTypes.Type tuple(ProofCborTypes.Type... types) {
        return new ProofCborTypes.Type() {
            @Override
            void render(CborItem v, String path, JsonGenerator g) throws IOException {
                List<CborItem> items = items(v, path, types.length > 0 ? types[0] : null, "an array of "
                        + types.length);
                if (items.size() != types.length) {
                    throw wrong(path, "an array of " + types.length, CborItem.describe(v));
                }
                g.writeStartArray();
                for (int i = 0; i < types.length; i++) {
                    types[i].render(items.get(i), path + "[" + i + "]", g);
                }
                g.writeEndArray();
            }

            @Override
            void encode(JsonNode n, String path, ProofCborOut out) {
                if (!n.isArray() || n.size() != types.length) {
                    throw wrong(path, "an array of " + types.length, n.isArray() ? "an array of " + n.size()
                            : n.getNodeType().toString());
                }
                out.head(CborHeads.ARRAY, types.length);
                for (int i = 0; i < types.length; i++) {
                    types[i].encode(n.get(i), path + "[" + i + "]", out);
                }
            }
        };
    }

    private static List<CborItem> items(CborItem v, String path, ProofCborTypes.Type item, String expected) {
        if (v instanceof CborItem.Array a) {
            return a.items();
        }
        if (item == ProofCborTypes.U8 && v instanceof CborItem.Bytes b) {
            CborItem[] items = new CborItem[b.value().length];
            for (int i = 0; i < items.length; i++) {
                items[i] = new CborItem.UInt(b.value()[i] & 0xFF);
            }
            return List.of(items);
        }
        throw new MalformedPayloadException(path, "expected " + expected + ", got " + CborItem.describe(v));
    }
}
