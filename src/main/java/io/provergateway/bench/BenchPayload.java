package io.provergateway.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a rollup {@code {"Success":{...}}} body the way serde_json writes it (compact, declaration order), streamed
 * to a file: 16 full EIP-4844 blobs, {@code merklePaths} storage logs each with a full 256-hash path, a few thousand
 * storage reads and writes, bytecodes and heap. Every byte of a blob, hash or path is a JSON number, as on the wire.
 * The batch number is written as {@link #BATCH_DIGITS} digits, so a server can re-number a copy in place.
 */
final class BenchPayload {
    static final int BATCH_DIGITS = 7;
    static final long FIRST_BATCH = 1_000_001;
    private static final int BLOB_SIZE = 126_976;
    private static final int TREE_DEPTH = 256;

    private final SplittableRandom random;
    private final int merklePaths;
    private final int blobs;

    BenchPayload(long seed, int merklePaths, int blobs) {
        this.random = new SplittableRandom(seed);
        this.merklePaths = merklePaths;
        this.blobs = blobs;
    }

    /** Writes the body for batch {@link #FIRST_BATCH} to {@code file}; returns its size in bytes. */
    long writeTo(Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("Success");
            g.writeStartObject();
            g.writeNumberField("l1_batch_number", FIRST_BATCH);
            g.writeFieldName("witness_input_data");
            g.writeStartObject();
            vmRunData(g);
            merkle(g);
            g.writeFieldName("previous_batch_metadata");
            g.writeStartObject();
            g.writeStringField("root_hash", h256());
            g.writeStringField("meta_hash", h256());
            g.writeStringField("aux_hash", h256());
            g.writeEndObject();
            blobs(g);
            g.writeEndObject();
            g.writeStringField("protocol_version", "0.28.0");
            g.writeFieldName("l1_verifier_config");
            g.writeStartObject();
            g.writeStringField("recursion_scheduler_level_vk_hash", h256());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body re-numbered for {@code batch}: both batch numbers sit in the first bytes. */
    static byte[] renumberHead(byte[] head, long batch) {
        String from = "\"l1_batch_number\":" + FIRST_BATCH;
        String to = "\"l1_batch_number\":" + batch;
        if (to.length() != from.length()) {
            throw new IllegalArgumentException("batch " + batch + " must have " + BATCH_DIGITS + " digits");
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    private void vmRunData(JsonGenerator g) throws IOException {
        g.writeFieldName("vm_run_data");
        g.writeStartObject();
        g.writeNumberField("l1_batch_number", FIRST_BATCH);
        g.writeFieldName("used_bytecodes");
        g.writeStartObject();
        for (int i = 0; i < 60; i++) {
            g.writeFieldName(u256());
            hashes(g, 200);
        }
        g.writeEndObject();
        g.writeFieldName("initial_heap_content");
        g.writeStartArray();
        for (int i = 0; i < 500; i++) {
            g.writeStartArray();
            g.writeNumber(random.nextInt(1 << 20));
            g.writeString(u256());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeStringField("protocol_version", "Version28");
        g.writeFieldName("bootloader_code");
        hashes(g, 8000);
        g.writeStringField("default_account_code_hash", u256());
        g.writeStringField("evm_emulator_code_hash", u256());
        g.writeFieldName("storage_refunds");
        g.writeStartArray();
        for (int i = 0; i < 3000; i++) {
            g.writeNumber(random.nextInt(50_000));
        }
        g.writeEndArray();
        g.writeFieldName("pubdata_costs");
        g.writeStartArray();
        for (int i = 0; i < 3000; i++) {
            g.writeNumber(random.nextInt(20_000) - 10_000);
        }
        g.writeEndArray();
        blockState(g);
        g.writeEndObject();
    }

    private void blockState(JsonGenerator g) throws IOException {
        g.writeFieldName("witness_block_state");
        g.writeStartObject();
        g.writeFieldName("read_storage_key");
        g.writeStartArray();
        for (int i = 0; i < 6000; i++) {
            g.writeStartArray();
            storageKey(g);
            g.writeString(h256());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeFieldName("is_write_initial");
        g.writeStartArray();
        for (int i = 0; i < 2000; i++) {
            g.writeStartArray();
            storageKey(g);
            g.writeBoolean(random.nextBoolean());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void storageKey(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName("account");
        g.writeStartObject();
        g.writeStringField("address", hex(20));
        g.writeEndObject();
        g.writeStringField("key", h256());
        g.writeEndObject();
    }

    private void merkle(JsonGenerator g) throws IOException {
        g.writeFieldName("merkle_paths");
        g.writeStartObject();
        g.writeFieldName("merkle_paths");
        g.writeStartArray();
        for (int i = 0; i < merklePaths; i++) {
            g.writeStartObject();
            g.writeFieldName("root_hash");
            bytes(g, 32);
            g.writeBooleanField("is_write", random.nextBoolean());
            g.writeBooleanField("first_write", random.nextBoolean());
            g.writeFieldName("merkle_paths");
            hashes(g, TREE_DEPTH);
            g.writeStringField("leaf_hashed_key", u256());
            g.writeNumberField("leaf_enumeration_index", random.nextInt(1 << 30));
            g.writeFieldName("value_written");
            bytes(g, 32);
            g.writeFieldName("value_read");
            bytes(g, 32);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("next_enumeration_index", 1_000_000);
        g.writeEndObject();
    }

    private void blobs(JsonGenerator g) throws IOException {
        g.writeFieldName("eip_4844_blobs");
        g.writeStartObject();
        g.writeFieldName("blobs");
        g.writeStartArray();
        for (int i = 0; i < 16; i++) {
            if (i < blobs) {
                bytes(g, BLOB_SIZE);
            } else {
                g.writeNull();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void hashes(JsonGenerator g, int count) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < count; i++) {
            bytes(g, 32);
        }
        g.writeEndArray();
    }

    private void bytes(JsonGenerator g, int count) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < count; i++) {
            g.writeNumber(random.nextInt(256));
        }
        g.writeEndArray();
    }

    private String h256() {
        return hex(32);
    }

    private String hex(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        StringBuilder out = new StringBuilder("0x");
        for (byte b : raw) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    private String u256() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return "0x" + new BigInteger(1, raw).toString(16);
    }
}
