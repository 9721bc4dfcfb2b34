package io.provergateway.wire;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes the model types in the exact bincode layout of spec §5.3. */
final class WitnessInputBincodeWriter {
    private final BincodeWriter out;

    WitnessInputBincodeWriter(BincodeWriter out) {
        this.out = out;
    }

    void witnessInputData(WitnessInputData data) {
        vmRunData(data.vmRunData());
        merklePaths(data.merklePaths());
        L1BatchMetadataHashes previous = data.previousBatchMetadata();
        out.str(previous.rootHash().toHex());
        out.str(previous.metaHash().toHex());
        out.str(previous.auxHash().toHex());
        for (int i = 0; i < Eip4844Blobs.MAX_BLOBS; i++) {
            Optional<byte[]> blob = data.eip4844Blobs().blob(i);
            out.bool(blob.isPresent());
            if (blob.isPresent()) {
                out.u64(blob.get().length);
                out.bytes(blob.get());
            }
        }
    }

    private void vmRunData(VmRunWitnessInputData vm) {
        out.u32(vm.l1BatchNumber());
        out.u64(vm.usedBytecodes().size());
        for (Map.Entry<U256, List<Bytes32>> entry : vm.usedBytecodes().entrySet()) {
            out.str(entry.getKey().toHex());
            raw32List(entry.getValue());
        }
        out.u64(vm.initialHeapContent().size());
        for (VmRunWitnessInputData.HeapEntry entry : vm.initialHeapContent()) {
            out.u64(entry.index());
            out.str(entry.value().toHex());
        }
        out.u32(vm.protocolVersionId());
        raw32List(vm.bootloaderCode());
        out.str(vm.defaultAccountCodeHash().toHex());
        if (vm.evmEmulatorCodeHash().isPresent()) {
            out.u8(1);
            out.str(vm.evmEmulatorCodeHash().get().toHex());
        }
        out.u64(vm.storageRefunds().size());
        vm.storageRefunds().forEach(out::u32);
        out.u64(vm.pubdataCosts().size());
        vm.pubdataCosts().forEach(cost -> out.u32(cost & 0xFFFF_FFFFL));
        witnessBlockState(vm.witnessBlockState());
    }

    private void witnessBlockState(WitnessStorageState state) {
        out.u64(state.readStorageKey().size());
        for (WitnessStorageState.StorageRead read : state.readStorageKey()) {
            storageKey(read.key());
            out.str(read.value().toHex());
        }
        out.u64(state.isWriteInitial().size());
        for (WitnessStorageState.InitialWrite write : state.isWriteInitial()) {
            storageKey(write.key());
            out.bool(write.initial());
        }
    }

    private void storageKey(WitnessStorageState.StorageKey key) {
        out.str(key.account().toHex());
        out.str(key.key().toHex());
    }

    void merklePaths(WitnessInputMerklePaths paths) {
        out.u64(paths.merklePaths().size());
        for (WitnessInputMerklePaths.StorageLogMetadata log : paths.merklePaths()) {
            out.prefixed32(log.rootHash());
            out.bool(log.isWrite());
            out.bool(log.firstWrite());
            out.u64(log.merklePaths().size());
            log.merklePaths().forEach(out::prefixed32);
            out.str(log.leafHashedKey().toHex());
            out.u64(log.leafEnumerationIndex());
            out.raw32(log.valueWritten());
            out.raw32(log.valueRead());
        }
        out.u64(paths.nextEnumerationIndex());
    }

    private void raw32List(List<Bytes32> items) {
        out.u64(items.size());
        items.forEach(out::raw32);
    }
}
