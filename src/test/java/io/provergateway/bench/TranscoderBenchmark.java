package io.provergateway.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.provergateway.wire.Address;
import io.provergateway.wire.Bytes32;
import io.provergateway.wire.Eip4844Blobs;
import io.provergateway.wire.L1BatchMetadataHashes;
import io.provergateway.wire.ProofGenerationData;
import io.provergateway.wire.ProofGenerationDataJson;
import io.provergateway.wire.ProofGenerationDataTranscoder;
import io.provergateway.wire.ProtocolVersion;
import io.provergateway.wire.TranscodeResult;
import io.provergateway.wire.U256;
import io.provergateway.wire.VmRunWitnessInputData;
import io.provergateway.wire.WitnessInputData;
import io.provergateway.wire.WitnessInputMerklePaths;
import io.provergateway.wire.WitnessStorageState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Transcoding throughput of a realistic rollup {@code /proof_generation_data} response: 16 full blobs, a few
 * thousand merkle entries (the first with a 256-hash path), thousands of storage reads. The JSON size is printed at
 * setup; MB/s = size / (ms/op). Run: {@code java -cp target/test-classes:target/classes:<deps>
 * org.openjdk.jmh.Main TranscoderBenchmark -wi 2 -i 3 -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TranscoderBenchmark {
    private final Random random = new Random(42);
    private byte[] json;
    private Path dir;
    private Path out;

    /**
     * {@code mixed}: the payload described above. {@code bench}: the {@code bench} command's rollup body at a quarter
     * of its size (4 blobs, 1500 storage logs each with a full 256-hash path; every byte a JSON number).
     */
    @Param({"mixed", "bench"})
    public String payload;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("transcoder-bench");
        out = dir.resolve("witness.bin");
        if (payload.equals("bench")) {
            Path body = dir.resolve("body.json");
            new BenchPayload(42, BenchData.MERKLE_PATHS / 4, 4).writeTo(body);
            json = Files.readAllBytes(body);
            Files.delete(body);
        } else {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 << 20);
            ProofGenerationDataJson.writeResponse(Optional.of(mixedPayload()), buffer);
            json = buffer.toByteArray();
        }
        System.out.printf("%npayload %s: %.1f MB of JSON%n", payload, json.length / 1e6);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(out);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public TranscodeResult transcode() {
        return new ProofGenerationDataTranscoder().transcode(new ByteArrayInputStream(json), out);
    }

    /** Issue 10's baseline: a bare Jackson streaming scan, {@code nextToken()} over every token, nothing else. */
    @Benchmark
    public long jacksonNextTokenOnly() throws IOException {
        long tokens = 0;
        try (JsonParser parser = new JsonFactory().createParser(new ByteArrayInputStream(json))) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /** Jackson alone walking the same tokens (reading every integer), no validation or output. */
    @Benchmark
    public long jacksonTokensOnly() throws IOException {
        long sum = 0;
        try (JsonParser parser = new JsonFactory().createParser(new ByteArrayInputStream(json))) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
                    sum += parser.getIntValue();
                }
            }
        }
        return sum;
    }

    private ProofGenerationData mixedPayload() {
        Map<U256, List<Bytes32>> bytecodes = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            bytecodes.put(new U256(new BigInteger(256, random)), list(200, this::hash));
        }
        WitnessStorageState state = new WitnessStorageState(
                list(6000, () -> new WitnessStorageState.StorageRead(key(), hash())),
                list(2000, () -> new WitnessStorageState.InitialWrite(key(), random.nextBoolean())));
        VmRunWitnessInputData vm = new VmRunWitnessInputData(123_456, bytecodes,
                list(500, () -> new VmRunWitnessInputData.HeapEntry(random.nextInt(1 << 20), U256.of(random.nextLong()))),
                28, list(8000, this::hash), U256.of(random.nextLong()), Optional.empty(),
                list(3000, () -> (long) random.nextInt(50_000)), list(3000, () -> random.nextInt(20_000) - 10_000), state);
        List<WitnessInputMerklePaths.StorageLogMetadata> logs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            logs.add(new WitnessInputMerklePaths.StorageLogMetadata(hash(), random.nextBoolean(), random.nextBoolean(),
                    list(i == 0 ? 256 : random.nextInt(24), this::hash), new U256(new BigInteger(256, random)),
                    random.nextInt(1 << 30), hash(), hash()));
        }
        List<Optional<byte[]>> blobs = new ArrayList<>();
        for (int i = 0; i < Eip4844Blobs.MAX_BLOBS; i++) {
            byte[] blob = new byte[Eip4844Blobs.BLOB_SIZE];
            random.nextBytes(blob);
            blobs.add(Optional.of(blob));
        }
        WitnessInputData witness = new WitnessInputData(vm, new WitnessInputMerklePaths(logs, 1_000_000),
                new L1BatchMetadataHashes(hash(), hash(), hash()), new Eip4844Blobs(blobs));
        return new ProofGenerationData(123_456, witness, new ProtocolVersion(28, 0), hash());
    }

    private WitnessStorageState.StorageKey key() {
        byte[] address = new byte[Address.LENGTH];
        random.nextBytes(address);
        return new WitnessStorageState.StorageKey(Address.wrap(address), hash());
    }

    private Bytes32 hash() {
        byte[] bytes = new byte[Bytes32.LENGTH];
        random.nextBytes(bytes);
        return Bytes32.wrap(bytes);
    }

    private static <T> List<T> list(int size, Supplier<T> item) {
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(item.get());
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {"TranscoderBenchmark"});
    }
}
