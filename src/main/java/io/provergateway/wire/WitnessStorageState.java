package io.provergateway.wire;

import java.util.List;

/** {@code WitnessStorageState} in its serde form. */
public record WitnessStorageState(List<StorageRead> readStorageKey, List<InitialWrite> isWriteInitial) {

    /** {@code StorageKey = {account: {address: H160}, key: H256}}. */
    public record StorageKey(Address account, Bytes32 key) {}

    /** One {@code (StorageKey, H256)} pair. */
    public record StorageRead(StorageKey key, Bytes32 value) {}

    /** One {@code (StorageKey, bool)} pair. */
    public record InitialWrite(StorageKey key, boolean initial) {}
}
