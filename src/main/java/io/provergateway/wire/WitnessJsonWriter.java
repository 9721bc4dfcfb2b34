package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** serde_json rendering of {@link WitnessInputData} and its parts, in declaration order (spec §2.3). */
final class WitnessJsonWriter {
    private final JsonGenerator out;

    WitnessJsonWriter(JsonGenerator out) {
        this.out = out;
    }

    void proofGenerationData(ProofGenerationData data) throws IOException {
        out.writeStartObject();
        out.writeNumberField("l1_batch_number", data.l1BatchNumber());
        out.writeFieldName("witness_input_data");
        witnessInputData(data.witnessInputData());
        out.writeStringField("protocol_version", data.protocolVersion().toString());
        out.writeFieldName("l1_verifier_config");
        out.writeStartObject();
        out.writeStringField("recursion_scheduler_level_vk_hash", data.snarkWrapperVkHash().toHex());
        out.writeEndObject();
        out.writeEndObject();
    }

    void witnessInputData(WitnessInputData data) throws IOException {
        out.writeStartObject();
        out.writeFieldName("vm_run_data");
        vmRunData(data.vmRunData());
        out.writeFieldName("merkle_paths");
        merklePaths(data.merklePaths());
        L1BatchMetadataHashes previous = data.previousBatchMetadata();
        out.writeFieldName("previous_batch_metadata");
        out.writeStartObject();
        out.writeStringField("root_hash", previous.rootHash().toHex());
        out.writeStringField("meta_hash", previous.metaHash().toHex());
        out.writeStringField("aux_hash", previous.auxHash().toHex());
        out.writeEndObject();
        out.writeFieldName("eip_4844_blobs");
        out.writeStartObject();
        out.writeFieldName("blobs");
        out.writeStartArray();
        for (int i = 0; i < Eip4844Blobs.MAX_BLOBS; i++) {
            Optional<byte[]> blob = data.eip4844Blobs().blob(i);
            if (blob.isPresent()) {
                ProofGenerationDataJson.writeByteArray(out, blob.get());
            } else {
                out.writeNull();
            }
        }
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndObject();
    }

    private void vmRunData(VmRunWitnessInputData vm) throws IOException {
        out.writeStartObject();
        out.writeNumberField("l1_batch_number", vm.l1BatchNumber());
        out.writeFieldName("used_bytecodes");
        out.writeStartObject();
        for (Map.Entry<U256, List<Bytes32>> entry : vm.usedBytecodes().entrySet()) {
            out.writeFieldName(entry.getKey().toHex());
            byteArrays(entry.getValue());
        }
        out.writeEndObject();
        out.writeFieldName("initial_heap_content");
        out.writeStartArray();
        for (VmRunWitnessInputData.HeapEntry entry : vm.initialHeapContent()) {
            out.writeStartArray();
            unsigned(entry.index());
            out.writeString(entry.value().toHex());
            out.writeEndArray();
        }
        out.writeEndArray();
        out.writeStringField("protocol_version", "Version" + vm.protocolVersionId());
        out.writeFieldName("bootloader_code");
        byteArrays(vm.bootloaderCode());
        out.writeStringField("default_account_code_hash", vm.defaultAccountCodeHash().toHex());
        if (vm.evmEmulatorCodeHash().isPresent()) {
            out.writeStringField("evm_emulator_code_hash", vm.evmEmulatorCodeHash().get().toHex());
        }
        out.writeFieldName("storage_refunds");
        out.writeStartArray();
        for (long refund : vm.storageRefunds()) {
            out.writeNumber(refund);
        }
        out.writeEndArray();
        out.writeFieldName("pubdata_costs");
        out.writeStartArray();
        for (int cost : vm.pubdataCosts()) {
            out.writeNumber(cost);
        }
        out.writeEndArray();
        out.writeFieldName("witness_block_state");
        witnessBlockState(vm.witnessBlockState());
        out.writeEndObject();
    }

    private void witnessBlockState(WitnessStorageState state) throws IOException {
        out.writeStartObject();
        out.writeFieldName("read_storage_key");
        out.writeStartArray();
        for (WitnessStorageState.StorageRead read : state.readStorageKey()) {
            out.writeStartArray();
            storageKey(read.key());
            out.writeString(read.value().toHex());
            out.writeEndArray();
        }
        out.writeEndArray();
        out.writeFieldName("is_write_initial");
        out.writeStartArray();
        for (WitnessStorageState.InitialWrite write : state.isWriteInitial()) {
            out.writeStartArray();
            storageKey(write.key());
            out.writeBoolean(write.initial());
            out.writeEndArray();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private void storageKey(WitnessStorageState.StorageKey key) throws IOException {
        out.writeStartObject();
        out.writeFieldName("account");
        out.writeStartObject();
        out.writeStringField("address", key.account().toHex());
        out.writeEndObject();
        out.writeStringField("key", key.key().toHex());
        out.writeEndObject();
    }

    void merklePaths(WitnessInputMerklePaths paths) throws IOException {
        out.writeStartObject();
        out.writeFieldName("merkle_paths");
        out.writeStartArray();
        for (WitnessInputMerklePaths.StorageLogMetadata log : paths.merklePaths()) {
            out.writeStartObject();
            out.writeFieldName("root_hash");
            ProofGenerationDataJson.writeByteArray(out, log.rootHash().toArray());
            out.writeBooleanField("is_write", log.isWrite());
            out.writeBooleanField("first_write", log.firstWrite());
            out.writeFieldName("merkle_paths");
            byteArrays(log.merklePaths());
            out.writeStringField("leaf_hashed_key", log.leafHashedKey().toHex());
            out.writeFieldName("leaf_enumeration_index");
            unsigned(log.leafEnumerationIndex());
            out.writeFieldName("value_written");
            ProofGenerationDataJson.writeByteArray(out, log.valueWritten().toArray());
            out.writeFieldName("value_read");
            ProofGenerationDataJson.writeByteArray(out, log.valueRead().toArray());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeFieldName("next_enumeration_index");
        unsigned(paths.nextEnumerationIndex());
        out.writeEndObject();
    }

    private void byteArrays(List<Bytes32> items) throws IOException {
        out.writeStartArray();
        for (Bytes32 item : items) {
            ProofGenerationDataJson.writeByteArray(out, item.toArray());
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
