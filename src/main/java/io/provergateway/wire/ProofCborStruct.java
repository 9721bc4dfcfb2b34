package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A serde-derived struct of the push-mode proof objects: a CBOR map / JSON object whose fields are written in
 * declaration order. A missing {@code Option} field is None; a missing {@code PhantomData} or plain field is an
 * error (serde's missing-field path); unknown keys are ignored; a duplicate is an error.
 */
final class ProofCborStruct extends ProofCborTypes.Type {
    enum Kind { REQUIRED, OPTION, PHANTOM }

    private record Field(String name, ProofCborTypes.Type type, Kind kind) {}

    private final List<Field> fields = new ArrayList<>();

    ProofCborStruct field(String name, ProofCborTypes.Type type) {
        fields.add(new Field(name, type, Kind.REQUIRED));
        return this;
    }

    ProofCborStruct option(String name, ProofCborTypes.Type type) {
        fields.add(new Field(name, ProofCborTypes.option(type), Kind.OPTION));
        return this;
    }

    /** A {@code PhantomData} field without serde attributes: written as null, required on input. */
    ProofCborStruct phantom(String name) {
        fields.add(new Field(name, null, Kind.PHANTOM));
        return this;
    }

    @Override
    void render(CborItem v, String path, JsonGenerator g) throws IOException {
        if (!(v instanceof CborItem.MapItem map)) {
            throw wrong(path, "a map", CborItem.describe(v));
        }
        Map<String, CborItem> byName = ProofCborTypes.fields(map, path);
        for (Field f : fields) {
            if (!byName.containsKey(f.name()) && f.kind() != Kind.OPTION) {
                throw new MalformedPayloadException(path, "missing field " + f.name());
            }
        }
        g.writeStartObject();
        for (Field f : fields) {
            CborItem value = byName.get(f.name());
            g.writeFieldName(f.name());
            String at = path + "." + f.name();
            if (f.kind() == Kind.PHANTOM) {
                if (!ProofCborTypes.isNull(value)) {
                    throw wrong(at, "null (PhantomData)", CborItem.describe(value));
                }
                g.writeNull();
            } else if (value == null) {
                g.writeNull();
            } else {
                f.type().render(value, at, g);
            }
        }
        g.writeEndObject();
    }

    @Override
    void encode(JsonNode n, String path, ProofCborOut out) {
        if (!n.isObject()) {
            throw wrong(path, "an object", n.getNodeType().toString());
        }
        out.head(CborHeads.MAP, fields.size());
        for (Field f : fields) {
            JsonNode value = n.get(f.name());
            String at = path + "." + f.name();
            if (value == null && f.kind() != Kind.OPTION) {
                throw new MalformedPayloadException(path, "missing field " + f.name());
            }
            out.text(f.name());
            if (f.kind() == Kind.PHANTOM) {
                if (!value.isNull()) {
                    throw wrong(at, "null (PhantomData)", value.getNodeType().toString());
                }
                out.bytes.write(CborHeads.NULL);
            } else if (value == null) {
                out.bytes.write(CborHeads.NULL);
            } else {
                f.type().encode(value, at, out);
            }
        }
    }
}
