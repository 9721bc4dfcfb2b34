package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The bincode of a {@code WitnessInputData} (spec §5.3, as {@link WitnessInputCodec} reads it) straight to its compact
 * serde_json form (as {@link WitnessJsonWriter} writes it), value by value: memory stays flat whatever the size of the
 * object (only the keys of {@code used_bytecodes} are kept, to reject duplicates as the model does). Output written
 * before a {@link MalformedPayloadException} is garbage; callers write to a temporary place first.
 */
public final class WitnessJsonStreamer {
    private final BincodeStream in;
    private final JsonGenerator out;
    private final boolean legacy;

    private WitnessJsonStreamer(BincodeStream in, JsonGenerator out, boolean legacy) {
        this.in = in;
        this.out = out;
        this.legacy = legacy;
    }

    /**
     * @param legacy the layout without the {@code evm_emulator_code_hash} Option tag ({@code WitnessInputDataLegacy}),
     *     which readers fall back to when the current layout does not decode
     */
    public static void writeJson(InputStream bincode, OutputStream json, boolean legacy) {
        BincodeStream in = new BincodeStream(new BufferedInputStream(bincode, 1 << 16));
        try (JsonGenerator generator = JsonCursor.FACTORY.createGenerator(json)) {
            new WitnessJsonStreamer(in, generator, legacy).witnessInputData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void witnessInputData() throws IOException {
        out.writeStartObject();
        out.writeFieldName("vm_run_data");
        vmRunData();
        out.writeFieldName("merkle_paths");
        merklePaths();
        out.writeFieldName("previous_batch_metadata");
        out.writeStartObject();
        out.writeStringField("root_hash", in.h256("previous_batch_metadata.root_hash"));
        out.writeStringField("meta_hash", in.h256("previous_batch_metadata.meta_hash"));
        out.writeStringField("aux_hash", in.h256("previous_batch_metadata.aux_hash"));
        out.writeEndObject();
        out.writeFieldName("eip_4844_blobs");
        out.writeStartObject();
        out.writeFieldName("blobs");
        out.writeStartArray();
        for (int i = 0; i < Eip4844Blobs.MAX_BLOBS; i++) {
            blob("eip_4844_blobs[" + i + "]");
        }
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndObject();
    }

    private void blob(String what) throws IOException {
        if (!in.option(what)) {
            out.writeNull();
            return;
        }
        long at = in.offset();
        long n = in.length(what);
        if (n != Eip4844Blobs.BLOB_SIZE) {
            throw in.error(at, what + ": expected " + Eip4844Blobs.BLOB_SIZE + " bytes, got " + n);
        }
        ProofGenerationDataJson.writeByteArray(out, in.bytes((int) n, what));
    }

    private void vmRunData() throws IOException {
        out.writeStartObject();
        out.writeNumberField("l1_batch_number", in.u32("l1_batch_number"));
        out.writeFieldName("used_bytecodes");
        out.writeStartObject();
        long count = in.length("used_bytecodes");
        Set<String> keys = new HashSet<>();
        for (long i = 0; i < count; i++) {
            long at = in.offset();
            String key = in.u256("used_bytecodes key");
            if (!keys.add(key)) {
                throw in.error(at, "used_bytecodes: duplicate key " + key);
            }
            out.writeFieldName(key);
            raw32List("used_bytecodes[" + key + "]");
        }
        out.writeEndObject();
        out.writeFieldName("initial_heap_content");
        out.writeStartArray();
        count = in.length("initial_heap_content");
        for (long i = 0; i < count; i++) {
            out.writeStartArray();
            unsigned(in.u64("initial_heap_content index"));
            out.writeString(in.u256("initial_heap_content value"));
            out.writeEndArray();
        }
        out.writeEndArray();
        long at = in.offset();
        long version = in.u32("protocol_version");
        if (version > WitnessInputBincodeReader.MAX_PROTOCOL_VERSION_ID) {
            throw in.error(at, "protocol_version: unknown ProtocolVersionId variant " + version);
        }
        out.writeStringField("protocol_version", "Version" + version);
        out.writeFieldName("bootloader_code");
        raw32List("bootloader_code");
        out.writeStringField("default_account_code_hash", in.u256("default_account_code_hash"));
        if (!legacy && in.option("evm_emulator_code_hash")) {
            out.writeStringField("evm_emulator_code_hash", in.u256("evm_emulator_code_hash"));
        }
        numbers("storage_refunds", false);
        numbers("pubdata_costs", true);
        out.writeFieldName("witness_block_state");
        witnessBlockState();
        out.writeEndObject();
    }

    /** A {@code Vec<u32>} ({@code signed}: {@code Vec<i32>}) as a JSON array. */
    private void numbers(String what, boolean signed) throws IOException {
        out.writeFieldName(what);
        out.writeStartArray();
        long count = in.length(what);
        for (long i = 0; i < count; i++) {
            long value = in.u32(what);
            if (signed) {
                out.writeNumber((int) value);
            } else {
                out.writeNumber(value);
            }
        }
        out.writeEndArray();
    }

    private void witnessBlockState() throws IOException {
        out.writeStartObject();
        out.writeFieldName("read_storage_key");
        out.writeStartArray();
        long count = in.length("read_storage_key");
        for (long i = 0; i < count; i++) {
            out.writeStartArray();
            storageKey("read_storage_key");
            out.writeString(in.h256("read_storage_key value"));
            out.writeEndArray();
        }
        out.writeEndArray();
        out.writeFieldName("is_write_initial");
        out.writeStartArray();
        count = in.length("is_write_initial");
        for (long i = 0; i < count; i++) {
            out.writeStartArray();
            storageKey("is_write_initial");
            out.writeBoolean(in.bool("is_write_initial flag"));
            out.writeEndArray();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private void storageKey(String what) throws IOException {
        out.writeStartObject();
        out.writeFieldName("account");
        out.writeStartObject();
        out.writeStringField("address", in.h160(what + " address"));
        out.writeEndObject();
        out.writeStringField("key", in.h256(what + " key"));
        out.writeEndObject();
    }

    private void merklePaths() throws IOException {
        out.writeStartObject();
        out.writeFieldName("merkle_paths");
        out.writeStartArray();
        long count = in.length("merkle_paths");
        for (long i = 0; i < count; i++) {
            String what = "merkle_paths[" + i + "]";
            out.writeStartObject();
            out.writeFieldName("root_hash");
            ProofGenerationDataJson.writeByteArray(out, in.prefixed32(what + ".root_hash"));
            out.writeBooleanField("is_write", in.bool(what + ".is_write"));
            out.writeBooleanField("first_write", in.bool(what + ".first_write"));
            out.writeFieldName("merkle_paths");
            out.writeStartArray();
            long hashes = in.length(what + ".merkle_paths");
            for (long h = 0; h < hashes; h++) {
                ProofGenerationDataJson.writeByteArray(out, in.prefixed32(what + ".merkle_paths[" + h + "]"));
            }
            out.writeEndArray();
            out.writeStringField("leaf_hashed_key", in.u256(what + ".leaf_hashed_key"));
            out.writeFieldName("leaf_enumeration_index");
            unsigned(in.u64(what + ".leaf_enumeration_index"));
            out.writeFieldName("value_written");
            ProofGenerationDataJson.writeByteArray(out, in.raw32(what + ".value_written"));
            out.writeFieldName("value_read");
            ProofGenerationDataJson.writeByteArray(out, in.raw32(what + ".value_read"));
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeFieldName("next_enumeration_index");
        unsigned(in.u64("next_enumeration_index"));
        out.writeEndObject();
    }

    private void raw32List(String what) throws IOException {
        out.writeStartArray();
        long count = in.length(what);
        for (long i = 0; i < count; i++) {
            ProofGenerationDataJson.writeByteArray(out, in.raw32(what));
        }
        out.writeEndArray();
    }

    private void unsigned(long value) throws IOException {
        if (value >= 0) {
            out.writeNumber(value);
        } else {
            out.writeNumber(Long.toUnsignedString(value));
        }
    }
}
