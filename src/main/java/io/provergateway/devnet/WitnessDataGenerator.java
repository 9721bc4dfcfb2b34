package io.provergateway.devnet;

import io.provergateway.wire.Address;
import io.provergateway.wire.Bytes32;
import io.provergateway.wire.Eip4844Blobs;
import io.provergateway.wire.L1BatchMetadataHashes;
import io.provergateway.wire.ProofGenerationData;
import io.provergateway.wire.ProtocolVersion;
import io.provergateway.wire.U256;
import io.provergateway.wire.VmRunWitnessInputData;
import io.provergateway.wire.VmRunWitnessInputData.HeapEntry;
import io.provergateway.wire.WitnessInputData;
import io.provergateway.wire.WitnessInputMerklePaths;
import io.provergateway.wire.WitnessInputMerklePaths.StorageLogMetadata;
import io.provergateway.wire.WitnessStorageState;
import io.provergateway.wire.WitnessStorageState.InitialWrite;
import io.provergateway.wire.WitnessStorageState.StorageKey;
import io.provergateway.wire.WitnessStorageState.StorageRead;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Makes realistic, seeded {@code ProofGenerationData} quickly: the shapes of a real batch (EIP-4844 blobs of 126976
 * bytes in rollup mode, a 256-hash first merkle path with compacted followers, several used bytecodes, the EVM
 * emulator hash present for odd batches only), with small counts so a devnet batch is a few hundred KB at most.
 */
public final class WitnessDataGenerator {
    /** What Via's prover runs ({@code PROVER_PROTOCOL_SEMANTIC_VERSION}). */
    public static final ProtocolVersion PROTOCOL_VERSION = new ProtocolVersion(28, 0);
    /** Via's {@code prover.snark_wrapper_vk_hash} from {@code etc/env/file_based/genesis.yaml}. */
    public static final Bytes32 SNARK_WRAPPER_VK_HASH =
            Bytes32.fromHex("0x14f97b81e54b35fe673d8708cc1a19e1ea5b5e348e12d31e39824ed4f42bbca2");
    /** Depth of the Merkle tree: the first (uncompacted) path has this many hashes. */
    public static final int TREE_DEPTH = 256;
    private static final U256 DEFAULT_ACCOUNT_CODE_HASH =
            U256.parse("0x100055d4fb8cb4bf017843c74ea924928235a8954b327a1e2a88a7568a04b10");
    private static final Address ETH_TOKEN = Address.fromHex("0x000000000000000000000000000000000000800a");
    private static final int BOOTLOADER_WORDS = 64;

    private final long seed;
    private final CommitmentMode mode;

    public WitnessDataGenerator(long seed, CommitmentMode mode) {
        this.seed = seed;
        this.mode = mode;
    }

    /** Deterministic for (seed, mode, batch number). */
    public ProofGenerationData generate(long l1BatchNumber) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + l1BatchNumber);
        WitnessInputData data = new WitnessInputData(
                vmRunData(random, l1BatchNumber),
                merklePaths(random),
                new L1BatchMetadataHashes(bytes32(random), bytes32(random), bytes32(random)),
                blobs(random));
        return new ProofGenerationData(l1BatchNumber, data, PROTOCOL_VERSION, SNARK_WRAPPER_VK_HASH);
    }

    private VmRunWitnessInputData vmRunData(SplittableRandom random, long l1BatchNumber) {
        Optional<U256> evmEmulator = l1BatchNumber % 2 == 1 ? Optional.of(bytecodeHash(random)) : Optional.empty();
        return new VmRunWitnessInputData(
                l1BatchNumber,
                usedBytecodes(random),
                heapContent(random),
                PROTOCOL_VERSION.minor(),
                words(random, BOOTLOADER_WORDS),
                DEFAULT_ACCOUNT_CODE_HASH,
                evmEmulator,
                List.of(0L, 5000L, 0L, 4800L, 2400L),
                List.of(0, 64, -12, 96, 0, -32),
                storageState(random));
    }

    private static Map<U256, List<Bytes32>> usedBytecodes(SplittableRandom random) {
        Map<U256, List<Bytes32>> bytecodes = new LinkedHashMap<>();
        int count = 3 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            bytecodes.put(bytecodeHash(random), words(random, 2 + random.nextInt(30)));
        }
        return bytecodes;
    }

    private static List<HeapEntry> heapContent(SplittableRandom random) {
        List<HeapEntry> heap = new ArrayList<>();
        heap.add(new HeapEntry(0, U256.ZERO));
        for (int i = 1; i < 12; i++) {
            heap.add(new HeapEntry(i, U256.of(random.nextLong(1, 1L << 40))));
        }
        return heap;
    }

    private static WitnessStorageState storageState(SplittableRandom random) {
        List<StorageRead> reads = new ArrayList<>();
        List<InitialWrite> writes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            StorageKey key = new StorageKey(i == 0 ? ETH_TOKEN : address(random), bytes32(random));
            reads.add(new StorageRead(key, bytes32(random)));
            writes.add(new InitialWrite(key, random.nextBoolean()));
        }
        return new WitnessStorageState(reads, writes);
    }

    private static WitnessInputMerklePaths merklePaths(SplittableRandom random) {
        List<StorageLogMetadata> logs = new ArrayList<>();
        int count = 3 + random.nextInt(3);
        long enumerationIndex = 1 + random.nextInt(1000);
        for (int i = 0; i < count; i++) {
            // Compacted as upstream: only the first entry carries the whole path; later ones keep only the hashes
            // that differ from it (a suffix of their own path).
            int pathLength = i == 0 ? TREE_DEPTH : 1 + random.nextInt(TREE_DEPTH / 4);
            boolean write = random.nextBoolean();
            logs.add(new StorageLogMetadata(
                    bytes32(random),
                    write,
                    write && random.nextBoolean(),
                    words(random, pathLength),
                    new U256(new BigInteger(1, bytes32(random).toArray())),
                    enumerationIndex + i,
                    write ? bytes32(random) : Bytes32.ZERO,
                    bytes32(random)));
        }
        return new WitnessInputMerklePaths(logs, enumerationIndex + count);
    }

    private Eip4844Blobs blobs(SplittableRandom random) {
        List<Optional<byte[]>> slots = new ArrayList<>();
        int present = mode == CommitmentMode.ROLLUP ? 2 + random.nextInt(3) : 0;
        for (int i = 0; i < Eip4844Blobs.MAX_BLOBS; i++) {
            slots.add(i < present ? Optional.of(blob(random, i == present - 1)) : Optional.empty());
        }
        return new Eip4844Blobs(slots);
    }

    /** Pubdata fills the blob, except the last one, which is partly zero padding as in a real batch. */
    private static byte[] blob(SplittableRandom random, boolean last) {
        byte[] blob = new byte[Eip4844Blobs.BLOB_SIZE];
        int used = last ? random.nextInt(1, Eip4844Blobs.BLOB_SIZE) : Eip4844Blobs.BLOB_SIZE;
        byte[] pubdata = new byte[used];
        random.nextBytes(pubdata);
        System.arraycopy(pubdata, 0, blob, 0, used);
        return blob;
    }

    /** A versioned bytecode hash: 0x01 00, the length in words, then 28 hash bytes. */
    private static U256 bytecodeHash(SplittableRandom random) {
        byte[] hash = bytes32(random).toArray();
        hash[0] = 1;
        hash[1] = 0;
        return new U256(new BigInteger(1, hash));
    }

    private static Address address(SplittableRandom random) {
        return Address.wrap(Arrays.copyOf(bytes32(random).toArray(), Address.LENGTH));
    }

    private static List<Bytes32> words(SplittableRandom random, int count) {
        List<Bytes32> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(bytes32(random));
        }
        return words;
    }

    private static Bytes32 bytes32(SplittableRandom random) {
        byte[] bytes = new byte[Bytes32.LENGTH];
        random.nextBytes(bytes);
        return Bytes32.wrap(bytes);
    }
}
