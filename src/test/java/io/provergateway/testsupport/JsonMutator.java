package io.provergateway.testsupport;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/** Seeded mutations of a valid JSON document: text damage and structural changes at a random node. */
public final class JsonMutator {
    private static final String[] BAD_NUMBERS = {"256", "-1", "4294967296", "18446744073709551616", "1.5", "1e3",
        "2147483648", "-2147483649", "-9223372036854775809", "99999999999999999999999", "-0", "0"};
    private static final String JSON_CHARS = "{}[],:\"0123456789abcdefxX \\-.en";

    enum Op { TRUNCATE, BIT_FLIP, INSERT_CHAR, TYPE_SWAP, BAD_NUMBER, DROP, DUPLICATE, CORRUPT_STRING }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random;
    private Op op;
    private int target;
    private int counter;

    public JsonMutator(Random random) {
        this.random = random;
    }

    /** The last mutation applied, for failure messages. */
    public String describe() {
        return op + "@" + target;
    }

    public byte[] mutate(byte[] json, JsonNode tree, int nodeCount) {
        op = Op.values()[random.nextInt(Op.values().length)];
        target = random.nextInt(Math.max(1, op.ordinal() < 3 ? json.length : nodeCount));
        switch (op) {
            case TRUNCATE -> {
                return Arrays.copyOf(json, target);
            }
            case BIT_FLIP -> {
                byte[] out = json.clone();
                out[target] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case INSERT_CHAR -> {
                byte[] out = new byte[json.length + 1];
                System.arraycopy(json, 0, out, 0, target);
                out[target] = (byte) JSON_CHARS.charAt(random.nextInt(JSON_CHARS.length()));
                System.arraycopy(json, target, out, target + 1, json.length - target);
                return out;
            }
            default -> {
                return rewrite(tree);
            }
        }
    }

    public static int countNodes(JsonNode node) {
        int n = 1;
        for (JsonNode child : node) {
            n += countNodes(child);
        }
        return n;
    }

    private byte[] rewrite(JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        counter = 0;
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(tree, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(JsonNode node, JsonGenerator g) throws IOException {
        boolean hit = counter++ == target;
        if (hit && op == Op.TYPE_SWAP) {
            swapped(g);
        } else if (hit && op == Op.BAD_NUMBER) {
            g.writeNumber(BAD_NUMBERS[random.nextInt(BAD_NUMBERS.length)]);
        } else if (hit && op == Op.CORRUPT_STRING && node.isTextual()) {
            g.writeString(corrupt(node.asText()));
        } else if (node.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                int repeats = repeats();
                for (int i = 0; i < repeats; i++) {
                    g.writeFieldName(field.getKey());
                    write(field.getValue(), g);
                }
                if (repeats == 0) {
                    counter += countNodes(field.getValue());
                }
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode item : node) {
                int repeats = repeats();
                for (int i = 0; i < repeats; i++) {
                    write(item, g);
                }
                if (repeats == 0) {
                    counter += countNodes(item);
                }
            }
            g.writeEndArray();
        } else {
            g.writeTree(node);
        }
    }

    /** How often the next child is written: 0 when dropped, 2 when duplicated. */
    private int repeats() {
        if (counter != target) {
            return 1;
        }
        return op == Op.DROP ? 0 : op == Op.DUPLICATE ? 2 : 1;
    }

    private void swapped(JsonGenerator g) throws IOException {
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

    private String corrupt(String text) {
        return switch (random.nextInt(6)) {
            case 0 -> text.isEmpty() ? "" : text.substring(0, random.nextInt(text.length()));
            case 1 -> text + "0";
            case 2 -> text.toUpperCase();
            case 3 -> text.startsWith("0x") ? text.substring(2) : "0x" + text;
            case 4 -> text.replace('a', 'g');
            default -> "0x" + "0".repeat(random.nextInt(70));
        };
    }
}
