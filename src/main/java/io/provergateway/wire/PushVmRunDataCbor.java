package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * JSON → ciborium CBOR of {@code VMRunWitnessInputData} (push-mode spec §4.3 item 1). {@code used_bytecodes} and the
 * two {@code witness_block_state} lists are hash maps upstream; their entries are written in JSON order, duplicates
 * included, which a serde reader turns into the same map as upstream's (the last value wins).
 */
final class PushVmRunDataCbor {
    private static final String[] FIELDS = {"l1_batch_number", "used_bytecodes", "initial_heap_content",
        "protocol_version", "bootloader_code", "default_account_code_hash", "evm_emulator_code_hash",
        "storage_refunds", "pubdata_costs", "witness_block_state"};
    private static final byte[][] KEYS = PushCborWriter.keys(FIELDS);
    private static final int EVM_EMULATOR_CODE_HASH = 6;
    private static final String[] BLOCK_STATE_FIELDS = {"read_storage_key", "is_write_initial"};
    private static final byte[][] BLOCK_STATE_KEYS = PushCborWriter.keys(BLOCK_STATE_FIELDS);
    private static final String[] STORAGE_KEY_FIELDS = {"account", "key"};
    private static final byte[][] STORAGE_KEY_KEYS = PushCborWriter.keys(STORAGE_KEY_FIELDS);
    private static final String[] ACCOUNT_FIELDS = {"address"};
    private static final byte[][] ACCOUNT_KEYS = PushCborWriter.keys(ACCOUNT_FIELDS);

    private final PushCborWriter w;
    private final JsonCursor c;

    PushVmRunDataCbor(PushCborWriter writer) {
        this.w = writer;
        this.c = writer.cursor();
    }

    void vmRunData(ByteSink out) throws IOException {
        w.struct(out, FIELDS, KEYS, EVM_EMULATOR_CODE_HASH, this::field);
    }

    private void field(int index, ByteSink out) throws IOException {
        switch (index) {
            case 0 -> CborHeads.unsigned(out, c.u32());
            case 1 -> usedBytecodes(out);
            case 2 -> w.seq(out, item -> w.tuple(item, "a (usize, U256) tuple",
                    o -> CborHeads.unsigned(o, c.u64()), w::u256));
            case 3 -> protocolVersionId(out);
            case 4 -> w.seq(out, item -> w.byteArray(item, Bytes32.LENGTH));
            case 5, EVM_EMULATOR_CODE_HASH -> w.u256(out);
            case 7 -> w.seq(out, item -> CborHeads.unsigned(item, c.u32()));
            case 8 -> w.seq(out, item -> CborHeads.signed(item, c.i32()));
            case 9 -> w.struct(out, BLOCK_STATE_FIELDS, BLOCK_STATE_KEYS, -1, this::blockStateField);
            default -> throw new IllegalStateException("field " + index);
        }
    }

    /** {@code HashMap<U256, Vec<[u8; 32]>>}: a map of the entries in JSON order. */
    private void usedBytecodes(ByteSink out) throws IOException {
        c.expect(JsonToken.START_OBJECT, "an object keyed by U256 hex strings");
        ByteSink entries = w.session().newSpill();
        long count = 0;
        while (c.next() == JsonToken.FIELD_NAME) {
            w.u256(entries);
            c.next();
            w.seq(entries, item -> w.byteArray(item, Bytes32.LENGTH));
            count++;
        }
        CborHeads.head(out, CborHeads.MAP, count);
        out.append(entries);
        w.session().release(entries);
    }

    /**
     * A unit variant of {@code ProtocolVersionId}: {@code "Version0"} to {@code "Version32"}, or serde_json's other
     * unit-variant form {@code {"VersionNN": null}}; written as the variant name.
     */
    private void protocolVersionId(ByteSink out) throws IOException {
        String name;
        if (c.token() == JsonToken.START_OBJECT) {
            name = c.nextField();
            if (name == null) {
                throw c.error("expected a ProtocolVersionId such as \"Version29\", got an empty object");
            }
            c.expectNext(JsonToken.VALUE_NULL, "null for the unit variant " + HexStrings.abbreviate(name));
            checkVersionName(name);
            if (c.next() != JsonToken.END_OBJECT) {
                throw c.error("expected the end of the enum object after the single variant");
            }
        } else {
            name = c.string("a ProtocolVersionId such as \"Version29\"");
            checkVersionName(name);
        }
        CborHeads.head(out, CborHeads.TEXT, name.length());
        byte[] ascii = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.bytes(ascii, 0, ascii.length);
    }

    private void checkVersionName(String name) {
        String digits = name.startsWith("Version") ? name.substring("Version".length()) : "";
        boolean canonical = !digits.isEmpty() && digits.length() <= 2 && digits.chars().allMatch(ch -> ch >= '0'
                && ch <= '9') && (digits.length() == 1 || digits.charAt(0) != '0');
        if (!canonical || Integer.parseInt(digits) > ProtocolVersion.MAX_KNOWN_MINOR_UPSTREAM_HEAD) {
            throw c.error("unknown ProtocolVersionId " + HexStrings.abbreviate(name) + " (known: Version0 to Version"
                    + ProtocolVersion.MAX_KNOWN_MINOR_UPSTREAM_HEAD + ")");
        }
    }

    private void blockStateField(int index, ByteSink out) throws IOException {
        if (index == 0) {
            w.seq(out, item -> w.tuple(item, "a (StorageKey, H256) tuple", this::storageKey,
                    o -> w.hash(o, Bytes32.LENGTH)));
        } else {
            w.seq(out, item -> w.tuple(item, "a (StorageKey, bool) tuple", this::storageKey,
                    o -> CborHeads.bool(o, c.bool())));
        }
    }

    private void storageKey(ByteSink out) throws IOException {
        w.struct(out, STORAGE_KEY_FIELDS, STORAGE_KEY_KEYS, -1, (index, o) -> {
            if (index == 0) {
                w.struct(o, ACCOUNT_FIELDS, ACCOUNT_KEYS, -1, (i, a) -> w.hash(a, Address.LENGTH));
            } else {
                w.hash(o, Bytes32.LENGTH);
            }
        });
    }
}
