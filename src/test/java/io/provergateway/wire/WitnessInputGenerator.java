package io.provergateway.wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Seeded random {@link ProofGenerationData} covering every field form of the wire types. */
final class WitnessInputGenerator {
    private static final BigInteger U256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private final Random random;
    private final int maxItems;
    private final int blobs;

    /** {@code maxItems} bounds every list; {@code blobs} full blobs are placed in random slots. */
    WitnessInputGenerator(long seed, int maxItems, int blobs) {
        this.random = new Random(seed);
        this.maxItems = maxItems;
        this.blobs = blobs;
    }

    ProofGenerationData proofGenerationData() {
        long batch = random.nextBoolean() ? random.nextInt(1000) : 0xFFFF_FFFFL - random.nextInt(3);
        WitnessInputData witness = new WitnessInputData(vmRunData(batch), merklePaths(),
                new L1BatchMetadataHashes(bytes32(), bytes32(), bytes32()), blobs());
        return new ProofGenerationData(batch, witness, new ProtocolVersion(random.nextInt(29), random.nextInt(100)),
                bytes32());
    }

    private VmRunWitnessInputData vmRunData(long batch) {
        Map<U256, List<Bytes32>> bytecodes = new LinkedHashMap<>();
        int count = random.nextInt(maxItems + 1);
        for (int i = 0; i < count; i++) {
            bytecodes.put(u256(), list(() -> bytes32()));
        }
        List<VmRunWitnessInputData.HeapEntry> heap = list(() -> new VmRunWitnessInputData.HeapEntry(u64(), u256()));
        Optional<U256> evm = random.nextBoolean() ? Optional.of(u256()) : Optional.empty();
        List<Long> refunds = list(() -> random.nextBoolean() ? 0xFFFF_FFFFL : (long) random.nextInt(100_000));
        List<Integer> costs = list(() -> random.nextInt(5) == 0 ? Integer.MIN_VALUE : random.nextInt() % 100_000);
        WitnessStorageState state = new WitnessStorageState(
                list(() -> new WitnessStorageState.StorageRead(storageKey(), bytes32())),
                list(() -> new WitnessStorageState.InitialWrite(storageKey(), random.nextBoolean())));
        return new VmRunWitnessInputData(batch, bytecodes, heap, random.nextInt(29), list(() -> bytes32()), u256(),
                evm, refunds, costs, state);
    }

    private WitnessInputMerklePaths merklePaths() {
        List<WitnessInputMerklePaths.StorageLogMetadata> logs = list(() ->
                new WitnessInputMerklePaths.StorageLogMetadata(bytes32(), random.nextBoolean(), random.nextBoolean(),
                        list(() -> bytes32()), u256(), u64(), bytes32(), bytes32()));
        return new WitnessInputMerklePaths(logs, u64());
    }

    private Eip4844Blobs blobs() {
        List<Optional<byte[]>> slots = new ArrayList<>();
        for (int i = 0; i < Eip4844Blobs.MAX_BLOBS; i++) {
            slots.add(Optional.empty());
        }
        for (int i = 0; i < blobs; i++) {
            byte[] blob = new byte[Eip4844Blobs.BLOB_SIZE];
            random.nextBytes(blob);
            slots.set(random.nextInt(Eip4844Blobs.MAX_BLOBS), Optional.of(blob));
        }
        return new Eip4844Blobs(slots);
    }

    private WitnessStorageState.StorageKey storageKey() {
        byte[] address = new byte[Address.LENGTH];
        random.nextBytes(address);
        return new WitnessStorageState.StorageKey(Address.wrap(address), bytes32());
    }

    Bytes32 bytes32() {
        byte[] bytes = new byte[Bytes32.LENGTH];
        if (random.nextInt(8) != 0) {
            random.nextBytes(bytes);
        }
        return Bytes32.wrap(bytes);
    }

    /** Zero, the maximum, or a random width. */
    U256 u256() {
        return switch (random.nextInt(6)) {
            case 0 -> U256.ZERO;
            case 1 -> new U256(U256_MAX);
            default -> new U256(new BigInteger(1 + random.nextInt(256), random));
        };
    }

    /** Often above 2^63 (negative as a Java long). */
    long u64() {
        return switch (random.nextInt(4)) {
            case 0 -> -1L;
            case 1 -> Long.MIN_VALUE | random.nextLong();
            default -> random.nextInt(1_000_000);
        };
    }

    private <T> List<T> list(java.util.function.Supplier<T> item) {
        int count = random.nextInt(maxItems + 1);
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(item.get());
        }
        return out;
    }
}
