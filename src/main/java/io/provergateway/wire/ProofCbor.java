package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stored {@code L1BatchProofForL1} CBOR (push-mode spec §4.4, {@code {"inner":{"Plonk"|"Fflonk"|"Airbender":X}}})
 * and its untagged JSON wire form X (§2.6), both typed: what ciborium + serde would refuse is refused with the path
 * of the offending value, and what they tolerate (any key order, unknown keys, indefinite lengths, tags, bignums,
 * byte strings for byte arrays) is read. Output is canonical either way: serde_json's compact JSON (fields in
 * declaration order, {@code null} for None and for FFLONK's {@code _c}, u64 limbs as unsigned integers) and
 * ciborium's CBOR (definite lengths, shortest heads).
 */
public final class ProofCbor {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ProofCbor() {}

    /**
     * Writes the untagged JSON proof value X of the stored blob, exactly as serde_json writes
     * {@code JsonL1BatchProofForL1} (compact, no trailing newline). All or nothing: a blob refused part-way writes
     * nothing to {@code json}; neither stream is closed.
     *
     * @throws MalformedPayloadException when the CBOR is not an {@code L1BatchProofForL1}; the location is a path
     *     such as {@code $.inner.Fflonk.scheduler_proof.inputs[0]} or a CBOR byte offset
     * @throws UncheckedIOException on a read or write failure
     */
    public static void writeJson(InputStream cbor, OutputStream json) {
        try {
            CborItem root = CborTree.decode(cbor.readAllBytes());
            Map.Entry<ProofCborSchema.Variant, CborItem> body = variant(root);
            java.io.ByteArrayOutputStream rendered = new java.io.ByteArrayOutputStream();
            try (JsonGenerator g = JsonCursor.FACTORY.createGenerator(rendered)) {
                body.getKey().body.render(body.getValue(), "$.inner." + body.getKey().name(), g);
            }
            rendered.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON proof value of a stored blob, as bytes. */
    public static byte[] toJson(byte[] cbor) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writeJson(new java.io.ByteArrayInputStream(cbor), out);
        return out.toByteArray();
    }

    private static Map.Entry<ProofCborSchema.Variant, CborItem> variant(CborItem root) {
        if (!(root instanceof CborItem.MapItem map)) {
            throw new MalformedPayloadException("$", "expected a map, got " + CborItem.describe(root));
        }
        CborItem inner = ProofCborTypes.fields(map, "$").get("inner");
        if (inner == null) {
            throw new MalformedPayloadException("$", "missing field inner");
        }
        if (!(inner instanceof CborItem.MapItem tagged) || tagged.keys().size() != 1
                || !(tagged.keys().get(0) instanceof CborItem.Text name)) {
            throw new MalformedPayloadException("$.inner", "expected an enum map of one variant (Fflonk, Plonk or "
                    + "Airbender), got " + CborItem.describe(inner));
        }
        for (ProofCborSchema.Variant v : ProofCborSchema.Variant.values()) {
            if (v.name().equals(name.value())) {
                return Map.entry(v, tagged.values().get(0));
            }
        }
        throw new MalformedPayloadException("$.inner", "unknown variant " + HexStrings.abbreviate(name.value())
                + ", expected one of Fflonk, Plonk, Airbender");
    }

    /**
     * The reverse: an untagged JSON proof value (tried as FFLONK, then PLONK, then Airbender, as serde's untagged
     * enum does; the first that fits wins) → the ciborium bytes of the {@code L1BatchProofForL1} holding it.
     *
     * @throws MalformedPayloadException when the bytes are not one JSON value or no variant fits; the message then
     *     names each variant's first problem with its path
     */
    public static byte[] fromJson(byte[] jsonProof) {
        JsonNode node;
        try {
            node = JSON.readTree(jsonProof);
        } catch (IOException e) {
            throw new MalformedPayloadException("$", "invalid JSON: " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new MalformedPayloadException("$", "EOF while parsing a value");
        }
        List<String> problems = new ArrayList<>();
        for (ProofCborSchema.Variant v : ProofCborSchema.Variant.values()) {
            ProofCborOut out = new ProofCborOut();
            out.head(CborHeads.MAP, 1);
            out.text("inner");
            out.head(CborHeads.MAP, 1);
            out.text(v.name());
            try {
                v.body.encode(node, "$", out);
                return out.bytes.toByteArray();
            } catch (MalformedPayloadException e) {
                problems.add(v.name() + ": " + e.getMessage());
            }
        }
        throw new MalformedPayloadException("$", "data did not match any variant of untagged enum "
                + "UntaggedTypedL1BatchProofForL1 (" + String.join("; ", problems) + ")");
    }
}
