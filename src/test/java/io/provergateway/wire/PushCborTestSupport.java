package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Test side of the push-mode CBOR codecs, independent of the production encoder: push bodies written from the
 * witness model, CBOR decoded with jackson-dataformat-cbor, and a canonical (ciborium-rule) re-encoder of such a
 * tree.
 */
final class PushCborTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final CBORMapper CBOR = new CBORMapper();

    private PushCborTestSupport() {}

    /** A push-mode body for {@code data}: the extra fields as given (raw JSON values; null leaves one out). */
    static byte[] pushBody(ProofGenerationData data, String chainIdJson, String sealedAtJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonCursor.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("l1_batch_number", data.l1BatchNumber());
            if (chainIdJson != null) {
                g.writeFieldName("chain_id");
                g.writeRawValue(chainIdJson);
            }
            if (sealedAtJson != null) {
                g.writeFieldName("batch_sealed_at");
                g.writeRawValue(sealedAtJson);
            }
            g.writeFieldName("witness_input_data");
            new WitnessJsonWriter(g).witnessInputData(data.witnessInputData());
            g.writeStringField("protocol_version", data.protocolVersion().toString());
            g.writeFieldName("l1_verifier_config");
            g.writeStartObject();
            g.writeStringField("recursion_scheduler_level_vk_hash", data.snarkWrapperVkHash().toHex());
            g.writeNullField("fflonk_snark_wrapper_vk_hash");
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The serde_json form of a witness, as a tree. */
    static JsonNode witnessJson(WitnessInputData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonCursor.FACTORY.createGenerator(out)) {
            new WitnessJsonWriter(g).witnessInputData(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree(out.toByteArray());
    }

    static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode cborTree(byte[] cbor) {
        try {
            return CBOR.readTree(cbor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Byte strings become arrays of numbers, as serde_json writes {@code Bytes} fields. */
    static JsonNode bytesAsArrays(JsonNode node) {
        if (node.isBinary()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            try {
                for (byte b : node.binaryValue()) {
                    array.add(b & 0xFF);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return array;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), bytesAsArrays(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(bytesAsArrays(item)));
            return copy;
        }
        return node;
    }

    /** Order-sensitive text of a tree. */
    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ciborium's form of a decoded tree: definite lengths, shortest heads, keys in the tree's order. */
    static byte[] canonical(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(node, out);
        return out.toByteArray();
    }

    private static void write(JsonNode node, ByteArrayOutputStream out) {
        try {
            if (node.isObject()) {
                head(out, 5, BigInteger.valueOf(node.size()));
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
                    head(out, 3, BigInteger.valueOf(key.length));
                    out.write(key);
                    write(e.getValue(), out);
                }
            } else if (node.isArray()) {
                head(out, 4, BigInteger.valueOf(node.size()));
                node.forEach(item -> write(item, out));
            } else if (node.isBinary()) {
                byte[] bytes = node.binaryValue();
                head(out, 2, BigInteger.valueOf(bytes.length));
                out.write(bytes);
            } else if (node.isTextual()) {
                byte[] text = node.textValue().getBytes(StandardCharsets.UTF_8);
                head(out, 3, BigInteger.valueOf(text.length));
                out.write(text);
            } else if (node.isBoolean()) {
                out.write(node.booleanValue() ? 0xf5 : 0xf4);
            } else if (node.isNull()) {
                out.write(0xf6);
            } else if (node.isIntegralNumber()) {
                BigInteger value = node.bigIntegerValue();
                if (value.signum() >= 0) {
                    head(out, 0, value);
                } else {
                    head(out, 1, value.negate().subtract(BigInteger.ONE));
                }
            } else {
                throw new IllegalArgumentException("not a CBOR item of these types: " + node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void head(ByteArrayOutputStream out, int major, BigInteger value) {
        int m = major << 5;
        int bytes;
        if (value.compareTo(BigInteger.valueOf(24)) < 0) {
            out.write(m | value.intValue());
            return;
        } else if (value.bitLength() <= 8) {
            out.write(m | 24);
            bytes = 1;
        } else if (value.bitLength() <= 16) {
            out.write(m | 25);
            bytes = 2;
        } else if (value.bitLength() <= 32) {
            out.write(m | 26);
            bytes = 4;
        } else {
            out.write(m | 27);
            bytes = 8;
        }
        for (int i = bytes - 1; i >= 0; i--) {
            out.write(value.shiftRight(8 * i).intValue() & 0xFF);
        }
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** Hex of the ASCII text (no CBOR head): for hand-written vectors. */
    static String ascii(String text) {
        return hex(text.getBytes(StandardCharsets.US_ASCII));
    }
}
