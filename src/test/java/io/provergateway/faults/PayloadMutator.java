package io.provergateway.faults;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Seeded damage to one valid JSON payload: byte-level (truncation, bit flip) or at one node of its tree (type swap,
 * drop, duplicate; a duplicated object field keeps its name). Nodes are numbered in document order, root 0.
 */
final class PayloadMutator {
    static final ObjectMapper MAPPER = new ObjectMapper();

    enum Op { TRUNCATE, BIT_FLIP, TYPE_SWAP, DROP, DUPLICATE }

    private final byte[] json;
    private final JsonNode tree;
    private final int nodes;
    private Op op;
    private int target;
    private int counter;

    PayloadMutator(byte[] json) {
        this.json = json;
        try {
            this.tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.nodes = count(tree);
    }

    /** The last mutation, for failure messages. */
    String describe() {
        return op + "@" + target;
    }

    byte[] mutate(Random random) {
        op = Op.values()[random.nextInt(Op.values().length)];
        switch (op) {
            case TRUNCATE -> {
                target = random.nextInt(json.length);
                return Arrays.copyOf(json, target);
            }
            case BIT_FLIP -> {
                target = random.nextInt(json.length);
                byte[] out = json.clone();
                out[target] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            default -> {
                target = 1 + random.nextInt(nodes - 1);
                return rewrite(random);
            }
        }
    }

    private byte[] rewrite(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 64);
        counter = 0;
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            write(tree, null, g, random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(JsonNode node, String name, JsonGenerator g, Random random) throws IOException {
        boolean hit = counter++ == target;
        if (hit && op == Op.DROP) {
            return;
        }
        int times = hit && op == Op.DUPLICATE ? 2 : 1;
        for (int i = 0; i < times; i++) {
            if (name != null) {
                g.writeFieldName(name);
            }
            if (hit && op == Op.TYPE_SWAP) {
                swapped(g, random);
            } else if (node.isObject()) {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    write(field.getValue(), field.getKey(), g, random);
                }
                g.writeEndObject();
            } else if (node.isArray()) {
                g.writeStartArray();
                for (JsonNode item : node) {
                    write(item, null, g, random);
                }
                g.writeEndArray();
            } else {
                g.writeTree(node);
            }
        }
    }

    private static void swapped(JsonGenerator g, Random random) throws IOException {
        switch (random.nextInt(6)) {
            case 0 -> g.writeString("0x1");
            case 1 -> g.writeNumber(7);
            case 2 -> g.writeBoolean(true);
            case 3 -> g.writeNull();
            case 4 -> {
                g.writeStartObject();
                g.writeEndObject();
            }
            default -> {
                g.writeStartArray();
                g.writeEndArray();
            }
        }
    }

    private static int count(JsonNode node) {
        int n = 1;
        for (JsonNode child : node) {
            n += count(child);
        }
        return n;
    }
}
