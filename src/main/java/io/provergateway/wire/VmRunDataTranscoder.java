package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** JSON → bincode of {@code VMRunWitnessInputData} (spec §2.3, §5.3 part 1). */
final class VmRunDataTranscoder {
    private static final String[] FIELDS = {"l1_batch_number", "used_bytecodes", "initial_heap_content",
        "protocol_version", "bootloader_code", "default_account_code_hash", "evm_emulator_code_hash",
        "storage_refunds", "pubdata_costs", "witness_block_state"};
    private static final int EVM_EMULATOR_CODE_HASH = 6;
    private static final String[] BLOCK_STATE_FIELDS = {"read_storage_key", "is_write_initial"};
    private static final String[] STORAGE_KEY_FIELDS = {"account", "key"};
    private static final String[] ACCOUNT_FIELDS = {"address"};

    private final TranscodeSession s;
    private final JsonCursor c;
    private long l1BatchNumber = -1;

    VmRunDataTranscoder(TranscodeSession session) {
        this.s = session;
        this.c = session.cursor();
    }

    /** The {@code l1_batch_number} read from {@code vm_run_data}, or -1 if none was read yet. */
    long l1BatchNumber() {
        return l1BatchNumber;
    }

    void vmRunData(ByteSink out) throws IOException {
        s.object(FIELDS, EVM_EMULATOR_CODE_HASH, out, this::field);
    }

    private void field(int index, ByteSink out) throws IOException {
        switch (index) {
            case 0 -> {
                l1BatchNumber = c.u32();
                out.u32((int) l1BatchNumber);
            }
            case 1 -> usedBytecodes(out);
            case 2 -> s.vec(out, this::heapEntry);
            case 3 -> out.u32(protocolVersionId());
            case 4 -> s.byteArrays(out, Bytes32.LENGTH, false);
            case 5 -> s.u256(out);
            case 6 -> {
                if (c.token() != JsonToken.VALUE_NULL) {
                    out.u8(1);
                    s.u256(out);
                }
            }
            case 7 -> s.vec(out, item -> item.u32((int) c.u32()));
            case 8 -> s.vec(out, item -> item.u32(c.i32()));
            case 9 -> s.object(BLOCK_STATE_FIELDS, -1, out, this::blockStateField);
            default -> throw new IllegalStateException("field " + index);
        }
    }

    /**
     * {@code HashMap<U256, Vec<[u8; 32]>>}: a key given twice (in any spelling of the same number) keeps its last
     * value and is written once, as serde's HashMap does; the earlier entry is deleted from the output.
     */
    private void usedBytecodes(ByteSink out) throws IOException {
        c.expect(JsonToken.START_OBJECT, "an object keyed by U256 hex strings");
        long at = out.reserveU64();
        Map<String, long[]> entries = new HashMap<>();
        while (c.next() == JsonToken.FIELD_NAME) {
            s.u256Text(c.textChars(), 0, c.textLength());
            String key = s.hexText();
            long[] earlier = entries.get(key);
            if (earlier != null) {
                long length = earlier[1] - earlier[0];
                out.delete(earlier[0], earlier[1]);
                for (long[] entry : entries.values()) {
                    if (entry[0] > earlier[0]) {
                        entry[0] -= length;
                        entry[1] -= length;
                    }
                }
            }
            long start = out.position();
            s.writeHex(out);
            c.next();
            s.byteArrays(out, Bytes32.LENGTH, false);
            entries.put(key, new long[] {start, out.position()});
        }
        out.patchU64(at, entries.size());
    }

    private void heapEntry(ByteSink out) throws IOException {
        c.expect(JsonToken.START_ARRAY, "a (usize, U256) tuple");
        s.tupleItem(2);
        out.u64(c.u64());
        s.tupleItem(2);
        s.u256(out);
        s.tupleEnd(2);
    }

    private int protocolVersionId() throws IOException {
        String name = c.string("a ProtocolVersionId such as \"Version28\"");
        String digits = name.startsWith("Version") ? name.substring("Version".length()) : "";
        boolean canonical = !digits.isEmpty() && digits.length() <= 2 && digits.chars().allMatch(Character::isDigit)
                && (digits.length() == 1 || digits.charAt(0) != '0');
        if (!canonical || Integer.parseInt(digits) > ProtocolVersion.MAX_KNOWN_MINOR) {
            throw c.error("unknown ProtocolVersionId " + HexStrings.abbreviate(name) + " (known: Version0 to Version"
                    + ProtocolVersion.MAX_KNOWN_MINOR + ")");
        }
        return Integer.parseInt(digits);
    }

    /**
     * {@code read_storage_key} / {@code is_write_initial}: upstream collects each list into a HashMap keyed by the
     * storage key, so a key given twice keeps its last value and is written once (at its first place).
     */
    private void blockStateField(int index, ByteSink out) throws IOException {
        boolean flag = index == 1;
        c.expect(JsonToken.START_ARRAY, "an array");
        long at = out.reserveU64();
        StorageKeyTable seen = new StorageKeyTable(out);
        long count = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            long start = out.position();
            storageTuple(out, flag);
            if (!seen.addOrReplace(start, out.position())) {
                count++;
            }
        }
        out.patchU64(at, count);
    }

    /** {@code (StorageKey, H256)} or, with {@code flag}, {@code (StorageKey, bool)}. */
    private void storageTuple(ByteSink out, boolean flag) throws IOException {
        c.expect(JsonToken.START_ARRAY, flag ? "a (StorageKey, bool) tuple" : "a (StorageKey, H256) tuple");
        s.tupleItem(2);
        s.object(STORAGE_KEY_FIELDS, -1, out, this::storageKeyField);
        s.tupleItem(2);
        if (flag) {
            out.u8(c.bool() ? 1 : 0);
        } else {
            s.hash(out, Bytes32.LENGTH);
        }
        s.tupleEnd(2);
    }

    private void storageKeyField(int index, ByteSink out) throws IOException {
        if (index == 0) {
            s.object(ACCOUNT_FIELDS, -1, out, (i, o) -> s.hash(o, Address.LENGTH));
        } else {
            s.hash(out, Bytes32.LENGTH);
        }
    }
}
