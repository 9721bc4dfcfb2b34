package io.provergateway.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the bincode of spec §5.3 into the model. {@code legacy} selects the layout without the
 * {@code evm_emulator_code_hash} Option tag (Rust's {@code WitnessInputDataLegacy}).
 */
final class WitnessInputBincodeReader {
    /** The highest {@code ProtocolVersionId} variant index. */
    static final int MAX_PROTOCOL_VERSION_ID = ProtocolVersion.MAX_KNOWN_MINOR;

    private final BincodeReader in;
    private final boolean legacy;

    WitnessInputBincodeReader(BincodeReader in, boolean legacy) {
        this.in = in;
        this.legacy = legacy;
    }

    WitnessInputData witnessInputData() {
        VmRunWitnessInputData vm = vmRunData();
        WitnessInputMerklePaths paths = merklePaths();
        L1BatchMetadataHashes previous = new L1BatchMetadataHashes(
                in.h256("previous_batch_metadata.root_hash"),
                in.h256("previous_batch_metadata.meta_hash"),
                in.h256("previous_batch_metadata.aux_hash"));
        List<Optional<byte[]>> blobs = new ArrayList<>();
        for (int i = 0; i < Eip4844Blobs.MAX_BLOBS; i++) {
            blobs.add(blob("eip_4844_blobs[" + i + "]"));
        }
        return new WitnessInputData(vm, paths, previous, new Eip4844Blobs(blobs));
    }

    private Optional<byte[]> blob(String what) {
        if (!in.option(what)) {
            return Optional.empty();
        }
        int n = in.length(what, 1); // any length, as upstream's Vec<u8>
        return Optional.of(in.bytes(n, what));
    }

    private VmRunWitnessInputData vmRunData() {
        long batch = in.u32("l1_batch_number");
        int count = in.length("used_bytecodes", 16);
        Map<U256, List<Bytes32>> bytecodes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int at = in.offset();
            U256 key = in.u256("used_bytecodes key");
            if (bytecodes.put(key, raw32List("used_bytecodes[" + key + "]")) != null) {
                throw in.error(at, "used_bytecodes: duplicate key " + key);
            }
        }
        count = in.length("initial_heap_content", 16);
        List<VmRunWitnessInputData.HeapEntry> heap = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            heap.add(new VmRunWitnessInputData.HeapEntry(in.u64("initial_heap_content index"),
                    in.u256("initial_heap_content value")));
        }
        int at = in.offset();
        long version = in.u32("protocol_version");
        if (version > MAX_PROTOCOL_VERSION_ID) {
            throw in.error(at, "protocol_version: unknown ProtocolVersionId variant " + version);
        }
        List<Bytes32> bootloader = raw32List("bootloader_code");
        U256 defaultAccount = in.u256("default_account_code_hash");
        Optional<U256> evm = !legacy && in.option("evm_emulator_code_hash")
                ? Optional.of(in.u256("evm_emulator_code_hash")) : Optional.empty();
        count = in.length("storage_refunds", 4);
        List<Long> refunds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            refunds.add(in.u32("storage_refunds"));
        }
        count = in.length("pubdata_costs", 4);
        List<Integer> costs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            costs.add((int) in.u32("pubdata_costs"));
        }
        return new VmRunWitnessInputData(batch, bytecodes, heap, (int) version, bootloader, defaultAccount, evm,
                refunds, costs, witnessBlockState());
    }

    private WitnessStorageState witnessBlockState() {
        int count = in.length("read_storage_key", 48);
        List<WitnessStorageState.StorageRead> reads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reads.add(new WitnessStorageState.StorageRead(storageKey("read_storage_key"),
                    in.h256("read_storage_key value")));
        }
        count = in.length("is_write_initial", 33);
        List<WitnessStorageState.InitialWrite> writes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            writes.add(new WitnessStorageState.InitialWrite(storageKey("is_write_initial"),
                    in.bool("is_write_initial flag")));
        }
        return new WitnessStorageState(reads, writes);
    }

    private WitnessStorageState.StorageKey storageKey(String what) {
        return new WitnessStorageState.StorageKey(in.h160(what + " address"), in.h256(what + " key"));
    }

    WitnessInputMerklePaths merklePaths() {
        int count = in.length("merkle_paths", 130);
        List<WitnessInputMerklePaths.StorageLogMetadata> logs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String what = "merkle_paths[" + i + "]";
            Bytes32 root = in.prefixed32(what + ".root_hash");
            boolean isWrite = in.bool(what + ".is_write");
            boolean firstWrite = in.bool(what + ".first_write");
            int hashes = in.length(what + ".merkle_paths", 40);
            List<Bytes32> path = new ArrayList<>(hashes);
            for (int h = 0; h < hashes; h++) {
                path.add(in.prefixed32(what + ".merkle_paths[" + h + "]"));
            }
            logs.add(new WitnessInputMerklePaths.StorageLogMetadata(root, isWrite, firstWrite, path,
                    in.u256(what + ".leaf_hashed_key"), in.u64(what + ".leaf_enumeration_index"),
                    in.raw32(what + ".value_written"), in.raw32(what + ".value_read")));
        }
        return new WitnessInputMerklePaths(logs, in.u64("next_enumeration_index"));
    }

    private List<Bytes32> raw32List(String what) {
        int count = in.length(what, Bytes32.LENGTH);
        List<Bytes32> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(in.raw32(what));
        }
        return out;
    }
}
