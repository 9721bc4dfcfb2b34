package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** JSON → bincode of {@code WitnessInputData} and {@code WitnessInputMerklePaths} (spec §2.3, §5.3). */
final class WitnessTranscoder {
    private static final String[] FIELDS = {"vm_run_data", "merkle_paths", "previous_batch_metadata",
        "eip_4844_blobs"};
    private static final String[] MERKLE_FIELDS = {"merkle_paths", "next_enumeration_index"};
    private static final String[] LOG_FIELDS = {"root_hash", "is_write", "first_write", "merkle_paths",
        "leaf_hashed_key", "leaf_enumeration_index", "value_written", "value_read"};
    private static final String[] PREVIOUS_FIELDS = {"root_hash", "meta_hash", "aux_hash"};
    private static final String[] BLOBS_FIELDS = {"blobs"};

    private final TranscodeSession s;
    private final JsonCursor c;
    private final VmRunDataTranscoder vmRunData;
    private final List<TranscodeResult.Suspicion> suspicions = new ArrayList<>();

    WitnessTranscoder(TranscodeSession session) {
        this.s = session;
        this.c = session.cursor();
        this.vmRunData = new VmRunDataTranscoder(session);
    }

    /** What upstream accepts but looks wrong, found so far. */
    List<TranscodeResult.Suspicion> suspicions() {
        return suspicions;
    }

    /** {@code vm_run_data.l1_batch_number}, or -1 when not read. */
    long vmRunBatchNumber() {
        return vmRunData.l1BatchNumber();
    }

    void witnessInputData(ByteSink out) throws IOException {
        s.object(FIELDS, -1, out, this::field);
    }

    private void field(int index, ByteSink out) throws IOException {
        switch (index) {
            case 0 -> vmRunData.vmRunData(out);
            case 1 -> merklePaths(out);
            case 2 -> s.object(PREVIOUS_FIELDS, -1, out, (i, o) -> s.hash(o, Bytes32.LENGTH));
            case 3 -> s.object(BLOBS_FIELDS, -1, out, (i, o) -> blobs(o));
            default -> throw new IllegalStateException("field " + index);
        }
    }

    void merklePaths(ByteSink out) throws IOException {
        s.object(MERKLE_FIELDS, -1, out, (index, o) -> {
            if (index == 0) {
                s.vec(o, item -> s.object(LOG_FIELDS, -1, item, this::logField));
            } else {
                o.u64(c.u64());
            }
        });
    }

    private void logField(int index, ByteSink out) throws IOException {
        switch (index) {
            case 0 -> prefixed32(out);
            case 1, 2 -> out.u8(c.bool() ? 1 : 0);
            case 3 -> s.byteArrays(out, Bytes32.LENGTH, true);
            case 4 -> s.u256(out);
            case 5 -> out.u64(c.u64());
            case 6, 7 -> s.byteArray(out, Bytes32.LENGTH);
            default -> throw new IllegalStateException("field " + index);
        }
    }

    private void prefixed32(ByteSink out) throws IOException {
        out.u64(Bytes32.LENGTH);
        s.byteArray(out, Bytes32.LENGTH);
    }

    /** {@code [Option<Vec<u8>>; 16]}: each slot null or a byte vector of any length (upstream's serde). */
    private void blobs(ByteSink out) throws IOException {
        c.expect(JsonToken.START_ARRAY, "an array of " + Eip4844Blobs.MAX_BLOBS + " blob slots");
        int slots = 0;
        for (JsonToken t = c.next(); t != JsonToken.END_ARRAY; t = c.next()) {
            if (slots == Eip4844Blobs.MAX_BLOBS) {
                throw c.error("expected " + Eip4844Blobs.MAX_BLOBS + " blob slots, got more");
            }
            if (t == JsonToken.VALUE_NULL) {
                out.u8(0);
            } else {
                out.u8(1);
                long at = out.reserveU64();
                long length = s.bytes(out);
                out.patchU64(at, length);
                if (length != Eip4844Blobs.BLOB_SIZE) {
                    suspicions.add(new TranscodeResult.Suspicion("blob_length", "blob " + slots + " has " + length
                            + " bytes, not " + Eip4844Blobs.BLOB_SIZE + "; stored as sent, as upstream does"));
                }
            }
            slots++;
        }
        if (slots != Eip4844Blobs.MAX_BLOBS) {
            throw c.error("expected " + Eip4844Blobs.MAX_BLOBS + " blob slots, got " + slots);
        }
    }
}
