package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The serde types of the push-mode proof objects (push-mode spec §2.6, §4.4), each able to render its stored CBOR
 * as serde_json writes it and to encode its JSON as ciborium writes it, with serde's checks either way (fields in
 * any order, unknown keys ignored, duplicates and missing fields refused, missing {@code Option}s None, field
 * elements below their modulus).
 */
final class ProofCborTypes {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private ProofCborTypes() {}

    /** One serde type. */
    abstract static class Type {
        abstract void render(CborItem v, String path, JsonGenerator g) throws IOException;

        abstract void encode(JsonNode n, String path, ProofCborOut out);

        MalformedPayloadException wrong(String path, String expected, String got) {
            return new MalformedPayloadException(path, "expected " + expected + ", got " + got);
        }
    }

    static final Type U64 = new Type() {
        @Override
        void render(CborItem v, String path, JsonGenerator g) throws IOException {
            if (!(v instanceof CborItem.UInt u)) {
                throw wrong(path, "u64", CborItem.describe(v));
            }
            if (u.value() >= 0) {
                g.writeNumber(u.value());
            } else {
                g.writeNumber(Long.toUnsignedString(u.value()));
            }
        }

        @Override
        void encode(JsonNode n, String path, ProofCborOut out) {
            out.head(CborHeads.UNSIGNED, unsigned(n, path, U64_MAX, "u64"));
        }
    };

    static final Type U8 = new Type() {
        @Override
        void render(CborItem v, String path, JsonGenerator g) throws IOException {
            if (!(v instanceof CborItem.UInt u) || Long.compareUnsigned(u.value(), 255) > 0) {
                throw wrong(path, "u8", CborItem.describe(v));
            }
            g.writeNumber((int) u.value());
        }

        @Override
        void encode(JsonNode n, String path, ProofCborOut out) {
            out.head(CborHeads.UNSIGNED, unsigned(n, path, BigInteger.valueOf(255), "u8"));
        }
    };

    static long unsigned(JsonNode n, String path, BigInteger max, String type) {
        if (!n.isIntegralNumber() || n.bigIntegerValue().signum() < 0 || n.bigIntegerValue().compareTo(max) > 0) {
            throw new MalformedPayloadException(path, "expected " + type + ", got " + n);
        }
        return n.bigIntegerValue().longValue();
    }

    static final Type BOOL = new Type() {
        @Override
        void render(CborItem v, String path, JsonGenerator g) throws IOException {
            if (!(v instanceof CborItem.Simple s) || (s.value() != 20 && s.value() != 21)) {
                throw wrong(path, "a boolean", CborItem.describe(v));
            }
            g.writeBoolean(s.value() == 21);
        }

        @Override
        void encode(JsonNode n, String path, ProofCborOut out) {
            if (!n.isBoolean()) {
                throw wrong(path, "a boolean", n.getNodeType().toString());
            }
            out.bytes.write(n.booleanValue() ? CborHeads.TRUE : CborHeads.FALSE);
        }
    };

    /** {@code ProtocolSemanticVersion}: text parsed as upstream parses it, written in its Display form. */
    static final Type VERSION = new Type() {
        @Override
        void render(CborItem v, String path, JsonGenerator g) throws IOException {
            if (!(v instanceof CborItem.Text t)) {
                throw wrong(path, "a protocol version string", CborItem.describe(v));
            }
            g.writeString(parse(t.value(), path).toString());
        }

        @Override
        void encode(JsonNode n, String path, ProofCborOut out) {
            if (!n.isTextual()) {
                throw wrong(path, "a protocol version string", n.getNodeType().toString());
            }
            out.text(parse(n.textValue(), path).toString());
        }

        private ProtocolVersion parse(String text, String path) {
            try {
                return PushRequestFields.parseSemanticVersion(text);
            } catch (IllegalArgumentException e) {
                throw new MalformedPayloadException(path, e.getMessage());
            }
        }
    };

    /** A BN254 field element: {@code [u64; 4]} canonical limbs below {@code modulus}. */
    static Type field(BigInteger modulus, String name) {
        Type limbs = ProofCborSeqTypes.fixed(4, U64);
        return new Type() {
            @Override
            void render(CborItem v, String path, JsonGenerator g) throws IOException {
                if (v instanceof CborItem.Array a && a.items().size() == 4) {
                    check(a.items().stream().map(i -> i instanceof CborItem.UInt u ? u.value() : 0L).toList(), path);
                }
                limbs.render(v, path, g);
            }

            @Override
            void encode(JsonNode n, String path, ProofCborOut out) {
                limbs.encode(n, path, out);
                check(List.of(n.get(0).bigIntegerValue().longValue(), n.get(1).bigIntegerValue().longValue(),
                        n.get(2).bigIntegerValue().longValue(), n.get(3).bigIntegerValue().longValue()), path);
            }

            private void check(List<Long> l, String path) {
                if (!new FieldElement(l.get(0), l.get(1), l.get(2), l.get(3)).isBelow(modulus)) {
                    throw new MalformedPayloadException(path, name + " element not below its modulus");
                }
            }
        };
    }

    /** {@code Option<T>}: null (or undefined) is None. */
    static Type option(Type inner) {
        return new Type() {
            @Override
            void render(CborItem v, String path, JsonGenerator g) throws IOException {
                if (isNull(v)) {
                    g.writeNull();
                } else {
                    inner.render(v, path, g);
                }
            }

            @Override
            void encode(JsonNode n, String path, ProofCborOut out) {
                if (n.isNull()) {
                    out.bytes.write(CborHeads.NULL);
                } else {
                    inner.encode(n, path, out);
                }
            }
        };
    }

    static boolean isNull(CborItem v) {
        return v instanceof CborItem.Simple s && (s.value() == 22 || s.value() == 23);
    }

    /** Index of the keys of a decoded map; duplicates refused. */
    static Map<String, CborItem> fields(CborItem.MapItem map, String path) {
        Map<String, CborItem> byName = new HashMap<>();
        for (int i = 0; i < map.keys().size(); i++) {
            CborItem key = map.keys().get(i);
            String name = key instanceof CborItem.Text t ? t.value() : key instanceof CborItem.Bytes b
                    ? new String(b.value(), java.nio.charset.StandardCharsets.UTF_8) : null;
            if (name == null) {
                continue;
            }
            if (byName.put(name, map.values().get(i)) != null) {
                throw new MalformedPayloadException(path, "duplicate field " + name);
            }
        }
        return byName;
    }
}
