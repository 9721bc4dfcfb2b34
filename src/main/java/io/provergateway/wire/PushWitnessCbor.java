package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** JSON → ciborium CBOR of {@code WitnessInputData} (push-mode spec §4.3), any key order, unknown keys skipped. */
final class PushWitnessCbor {
    private static final String[] FIELDS = {"vm_run_data", "merkle_paths", "previous_batch_metadata",
        "eip_4844_blobs"};
    private static final byte[][] KEYS = PushCborWriter.keys(FIELDS);
    private static final String[] MERKLE_FIELDS = {"merkle_paths", "next_enumeration_index"};
    private static final byte[][] MERKLE_KEYS = PushCborWriter.keys(MERKLE_FIELDS);
    private static final String[] LOG_FIELDS = {"root_hash", "is_write", "first_write", "merkle_paths",
        "leaf_hashed_key", "leaf_enumeration_index", "value_written", "value_read"};
    private static final byte[][] LOG_KEYS = PushCborWriter.keys(LOG_FIELDS);
    private static final String[] PREVIOUS_FIELDS = {"root_hash", "meta_hash", "aux_hash"};
    private static final byte[][] PREVIOUS_KEYS = PushCborWriter.keys(PREVIOUS_FIELDS);
    private static final String[] BLOBS_FIELDS = {"blobs"};
    private static final byte[][] BLOBS_KEYS = PushCborWriter.keys(BLOBS_FIELDS);

    private final PushCborWriter w;
    private final JsonCursor c;
    private final PushVmRunDataCbor vmRunData;

    PushWitnessCbor(TranscodeSession session) {
        this.w = new PushCborWriter(session);
        this.c = session.cursor();
        this.vmRunData = new PushVmRunDataCbor(w);
    }

    /** The {@code WitnessInputData} object at the current token. */
    void witnessInputData(ByteSink out) throws IOException {
        w.struct(out, FIELDS, KEYS, -1, this::field);
    }

    private void field(int index, ByteSink out) throws IOException {
        switch (index) {
            case 0 -> vmRunData.vmRunData(out);
            case 1 -> w.struct(out, MERKLE_FIELDS, MERKLE_KEYS, -1, this::merkleField);
            case 2 -> w.struct(out, PREVIOUS_FIELDS, PREVIOUS_KEYS, -1, (i, o) -> w.hash(o, Bytes32.LENGTH));
            case 3 -> w.struct(out, BLOBS_FIELDS, BLOBS_KEYS, -1, (i, o) -> blobs(o));
            default -> throw new IllegalStateException("field " + index);
        }
    }

    private void merkleField(int index, ByteSink out) throws IOException {
        if (index == 0) {
            w.seq(out, item -> w.struct(item, LOG_FIELDS, LOG_KEYS, -1, this::logField));
        } else {
            CborHeads.unsigned(out, c.u64());
        }
    }

    private void logField(int index, ByteSink out) throws IOException {
        switch (index) {
            case 0 -> w.byteString32(out);
            case 1, 2 -> CborHeads.bool(out, c.bool());
            case 3 -> w.seq(out, w::byteString32);
            case 4 -> w.u256(out);
            case 5 -> CborHeads.unsigned(out, c.u64());
            case 6, 7 -> w.byteArray(out, Bytes32.LENGTH);
            default -> throw new IllegalStateException("field " + index);
        }
    }

    /** {@code [Option<Vec<u8>>; 16]}: 16 slots, each null or a byte vector (of any length, as serde reads it). */
    private void blobs(ByteSink out) throws IOException {
        c.expect(JsonToken.START_ARRAY, "an array of " + Eip4844Blobs.MAX_BLOBS + " blob slots");
        CborHeads.head(out, CborHeads.ARRAY, Eip4844Blobs.MAX_BLOBS);
        int slots = 0;
        for (JsonToken t = c.next(); t != JsonToken.END_ARRAY; t = c.next()) {
            if (slots == Eip4844Blobs.MAX_BLOBS) {
                throw w.syntax("trailing characters: expected " + Eip4844Blobs.MAX_BLOBS + " blob slots, got more");
            }
            if (t == JsonToken.VALUE_NULL) {
                out.u8(CborHeads.NULL);
            } else {
                w.byteVec(out);
            }
            slots++;
        }
        if (slots != Eip4844Blobs.MAX_BLOBS) {
            throw c.error("expected " + Eip4844Blobs.MAX_BLOBS + " blob slots, got " + slots);
        }
    }
}
