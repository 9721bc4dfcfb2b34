package io.provergateway.wire;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code VMRunWitnessInputData}. {@code usedBytecodes} keeps insertion order (use a LinkedHashMap); readers must not
 * depend on it. {@code protocolVersionId} is the {@code ProtocolVersionId} variant index (JSON "Version28" = 28).
 * {@code storageRefunds} are u32 values held in longs.
 */
public record VmRunWitnessInputData(
        long l1BatchNumber,
        Map<U256, List<Bytes32>> usedBytecodes,
        List<HeapEntry> initialHeapContent,
        int protocolVersionId,
        List<Bytes32> bootloaderCode,
        U256 defaultAccountCodeHash,
        Optional<U256> evmEmulatorCodeHash,
        List<Long> storageRefunds,
        List<Integer> pubdataCosts,
        WitnessStorageState witnessBlockState) {

    /** One {@code (usize, U256)} entry of {@code initial_heap_content}; index is an unsigned u64. */
    public record HeapEntry(long index, U256 value) {}
}
