package io.provergateway.bench;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.wire.ProofGenerationDataJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A valid {@code {"Success":{...}}} body of any size, streamed without holding it: a small generated batch whose
 * {@code merkle_paths} list gets {@code extraEntries} full 256-hash entries spliced in front of its own.
 */
public final class LargePayload {
    private static final String LIST_START = "\"merkle_paths\":{\"merkle_paths\":[";
    private final byte[] prefix;
    private final byte[] suffix;
    private final byte[] entry;

    public LargePayload(long l1BatchNumber) {
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        ProofGenerationDataJson.writeResponse(Optional.of(new WitnessDataGenerator(7, CommitmentMode.ROLLUP)
                .generate(l1BatchNumber)), small);
        String text = small.toString(StandardCharsets.UTF_8);
        if (Boolean.getBoolean(VM_RUN_DATA_LAST)) {
            text = vmRunDataLast(text);
        }
        int cut = text.indexOf(LIST_START) + LIST_START.length();
        prefix = text.substring(0, cut).getBytes(StandardCharsets.UTF_8);
        suffix = text.substring(cut).getBytes(StandardCharsets.UTF_8);
        entry = (entryJson(new SplittableRandom(l1BatchNumber)) + ",").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * System property: when true, {@code vm_run_data} comes last in {@code witness_input_data}, so the transcoder must
     * hold (spill) the whole {@code merkle_paths} until it has written {@code vm_run_data} before it.
     */
    public static final String VM_RUN_DATA_LAST = "large.payload.vmRunDataLast";

    private static String vmRunDataLast(String json) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
            com.fasterxml.jackson.databind.node.ObjectNode witness =
                    (com.fasterxml.jackson.databind.node.ObjectNode) root.get("Success").get("witness_input_data");
            witness.set("vm_run_data", witness.remove("vm_run_data"));
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Bytes of one spliced entry, to size a payload. */
    public int entryBytes() {
        return entry.length;
    }

    public long totalBytes(long extraEntries) {
        return prefix.length + suffix.length + extraEntries * entry.length;
    }

    public void writeTo(OutputStream out, long extraEntries) throws IOException {
        out.write(prefix);
        for (long i = 0; i < extraEntries; i++) {
            out.write(entry);
        }
        out.write(suffix);
    }

    private static String entryJson(SplittableRandom random) {
        StringBuilder json = new StringBuilder("{\"root_hash\":").append(bytes(random)).append(
                ",\"is_write\":true,\"first_write\":false,\"merkle_paths\":[");
        for (int i = 0; i < WitnessDataGenerator.TREE_DEPTH; i++) {
            json.append(i == 0 ? "" : ",").append(bytes(random));
        }
        return json.append("],\"leaf_hashed_key\":\"0x5daa965d9688be0ac6\",\"leaf_enumeration_index\":17,")
                .append("\"value_written\":").append(bytes(random)).append(",\"value_read\":").append(bytes(random))
                .append('}').toString();
    }

    private static String bytes(SplittableRandom random) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < 32; i++) {
            out.append(i == 0 ? "" : ",").append(random.nextInt(256));
        }
        return out.append(']').toString();
    }
}
