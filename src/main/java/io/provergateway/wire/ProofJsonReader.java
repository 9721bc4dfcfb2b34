package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads serde_json {@link SubmitProofRequest} / proof bodies into the model: any field order, all values checked. */
final class ProofJsonReader {
    /** Reads one item at the current token. */
    interface Item<T> {
        T read() throws IOException;
    }

    private final JsonCursor c;

    ProofJsonReader(JsonCursor cursor) {
        this.c = cursor;
    }

    SubmitProofRequest request() throws IOException {
        JsonToken t = c.next();
        if (t == JsonToken.VALUE_STRING && c.string("a string").equals("SkippedProofGeneration")) {
            return new SubmitProofRequest.SkippedProofGeneration();
        }
        c.expect(JsonToken.START_OBJECT, "{\"Proof\":{...}} or \"SkippedProofGeneration\"");
        String variant = c.nextField();
        if (variant == null) {
            throw c.error("expected one enum variant, got an empty object");
        }
        SubmitProofRequest result;
        if (variant.equals("Proof")) {
            c.expectNext(JsonToken.START_OBJECT, "an L1BatchProofForL1 object");
            result = new SubmitProofRequest.Proof(batchProof());
        } else if (variant.equals("SkippedProofGeneration")) {
            c.expectNext(JsonToken.VALUE_NULL, "null for the unit variant");
            result = new SubmitProofRequest.SkippedProofGeneration();
        } else {
            throw c.error("unknown variant " + variant + ", expected Proof or SkippedProofGeneration");
        }
        if (c.next() != JsonToken.END_OBJECT) {
            throw c.error("expected the end of the enum object after the single variant");
        }
        return result;
    }

    private L1BatchProof batchProof() throws IOException {
        List<Bytes32> coords = null;
        FinalProof proof = null;
        ProtocolVersion version = null;
        Set<String> seen = new HashSet<>();
        for (String name = c.nextField(); name != null; name = c.nextField()) {
            switch (name) {
                case "aggregation_result_coords" -> {
                    once(seen, name);
                    c.next();
                    coords = fixedList(L1BatchProof.COORDS, this::bytes32);
                }
                case "scheduler_proof" -> {
                    once(seen, name);
                    c.expectNext(JsonToken.START_OBJECT, "a Proof object");
                    proof = finalProof();
                }
                case "protocol_version" -> {
                    once(seen, name);
                    c.next();
                    version = protocolVersion();
                }
                default -> c.skipValue();
            }
        }
        require(coords, "aggregation_result_coords");
        require(proof, "scheduler_proof");
        require(version, "protocol_version");
        return new L1BatchProof(coords, proof, version);
    }

    /** Reads the current object (its START_OBJECT already consumed) as a bellman proof. */
    FinalProof finalProof() throws IOException {
        FinalProofFields fields = new FinalProofFields(this);
        Set<String> seen = new HashSet<>();
        for (String name = c.nextField(); name != null; name = c.nextField()) {
            if (fields.isKnown(name)) {
                once(seen, name);
                c.next();
                fields.read(name);
            } else {
                c.skipValue();
            }
        }
        for (String name : FinalProofFields.REQUIRED) {
            if (!seen.contains(name)) {
                throw c.error("missing field " + name);
            }
        }
        return fields.build();
    }

    ProtocolVersion protocolVersion() throws IOException {
        String text = c.string("a protocol version string");
        try {
            return ProtocolVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw c.error(e.getMessage());
        }
    }

    void once(Set<String> seen, String name) {
        if (!seen.add(name)) {
            throw c.error("duplicate field " + name);
        }
    }

    void require(Object value, String name) {
        if (value == null) {
            throw c.error("missing field " + name);
        }
    }

    long u64() throws IOException {
        return c.u64();
    }

    /** An array of exactly 32 u8 at the current token. */
    Bytes32 bytes32() throws IOException {
        byte[] out = new byte[Bytes32.LENGTH];
        c.u8Array(out, Bytes32.LENGTH);
        return Bytes32.wrap(out);
    }

    FieldElement fr() throws IOException {
        return fieldElement(FieldElement.FR_MODULUS);
    }

    FieldElement fieldElement(BigInteger modulus) throws IOException {
        List<Long> limbs = fixedList(4, this::u64);
        FieldElement value = new FieldElement(limbs.get(0), limbs.get(1), limbs.get(2), limbs.get(3));
        if (!value.isBelow(modulus)) {
            throw c.error("field element not below its modulus");
        }
        return value;
    }

    G1Point g1() throws IOException {
        c.expect(JsonToken.START_OBJECT, "a G1 point object");
        FieldElement x = null;
        FieldElement y = null;
        Boolean infinity = null;
        Set<String> seen = new HashSet<>();
        for (String name = c.nextField(); name != null; name = c.nextField()) {
            switch (name) {
                case "x", "y" -> {
                    once(seen, name);
                    c.next();
                    FieldElement value = fieldElement(FieldElement.FQ_MODULUS);
                    if (name.equals("x")) {
                        x = value;
                    } else {
                        y = value;
                    }
                }
                case "infinity" -> {
                    once(seen, name);
                    c.next();
                    infinity = c.bool();
                }
                default -> c.skipValue();
            }
        }
        require(x, "x");
        require(y, "y");
        require(infinity, "infinity");
        return new G1Point(x, y, infinity);
    }

    /** A JSON array at the current token. */
    <T> List<T> list(Item<T> item) throws IOException {
        c.expect(JsonToken.START_ARRAY, "an array");
        List<T> out = new ArrayList<>();
        while (c.next() != JsonToken.END_ARRAY) {
            out.add(item.read());
        }
        return List.copyOf(out);
    }

    /** A fixed-size array / tuple of exactly {@code size} items at the current token. */
    <T> List<T> fixedList(int size, Item<T> item) throws IOException {
        c.expect(JsonToken.START_ARRAY, "an array of " + size);
        List<T> out = new ArrayList<>(size);
        while (c.next() != JsonToken.END_ARRAY) {
            if (out.size() == size) {
                throw c.error("expected " + size + " items, got more");
            }
            out.add(item.read());
        }
        if (out.size() != size) {
            throw c.error("expected " + size + " items, got " + out.size());
        }
        return out;
    }

    <T> Optional<T> optional(Item<T> item) throws IOException {
        return c.token() == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(item.read());
    }

    FinalProof.DilatedOpening dilated() throws IOException {
        c.expect(JsonToken.START_ARRAY, "a (usize, usize, Fr) tuple");
        long poly = tupleItem(this::u64);
        long dilation = tupleItem(this::u64);
        FieldElement value = tupleItem(this::fr);
        tupleEnd(3);
        return new FinalProof.DilatedOpening(poly, dilation, value);
    }

    FinalProof.SelectorOpening selector() throws IOException {
        c.expect(JsonToken.START_ARRAY, "a (usize, Fr) tuple");
        long index = tupleItem(this::u64);
        FieldElement value = tupleItem(this::fr);
        tupleEnd(2);
        return new FinalProof.SelectorOpening(index, value);
    }

    private <T> T tupleItem(Item<T> item) throws IOException {
        if (c.next() == JsonToken.END_ARRAY) {
            throw c.error("tuple too short");
        }
        return item.read();
    }

    private void tupleEnd(int size) throws IOException {
        if (c.next() != JsonToken.END_ARRAY) {
            throw c.error("tuple longer than " + size);
        }
    }
}
