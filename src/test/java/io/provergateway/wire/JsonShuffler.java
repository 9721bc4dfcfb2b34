package io.provergateway.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Re-orders the members of every JSON object (small samples only: goes through a Jackson tree). */
final class JsonShuffler {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final Random random;
    private final boolean addUnknownFields;

    JsonShuffler(long seed, boolean addUnknownFields) {
        this.random = new Random(seed);
        this.addUnknownFields = addUnknownFields;
    }

    byte[] shuffle(byte[] json) {
        try {
            return MAPPER.writeValueAsBytes(shuffle(MAPPER.readTree(json), "$"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Map entries ({@code used_bytecodes}) keep their order: a HashMap's bincode order is the JSON order. */
    private JsonNode shuffle(JsonNode node, String name) {
        if (node instanceof ObjectNode object) {
            boolean isStruct = !name.equals("$") && !name.equals("used_bytecodes");
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            if (isStruct) {
                Collections.shuffle(fields, random);
            }
            ObjectNode out = MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> field : fields) {
                if (isStruct && addUnknownFields && random.nextInt(3) == 0) {
                    out.set("unknown_" + random.nextInt(1000), unknownValue());
                }
                out.set(field.getKey(), shuffle(field.getValue(), field.getKey()));
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = MAPPER.createArrayNode();
            array.forEach(item -> out.add(shuffle(item, name + "[]")));
            return out;
        }
        return node;
    }

    private JsonNode unknownValue() {
        ObjectNode value = MAPPER.createObjectNode();
        value.put("nested", "x");
        value.putArray("list").add(1).add("two").addNull().addObject().put("deep", true);
        return random.nextBoolean() ? value : MAPPER.getNodeFactory().numberNode(-1.5e300);
    }
}
