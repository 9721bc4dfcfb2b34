package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TranscoderRoundTripTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void generatedPayload_transcodesToTheCodecBytes_andDecodesBack(long seed) throws Exception {
        ProofGenerationData data = new WitnessInputGenerator(seed, 4, seed % 4 == 0 ? 2 : 0).proofGenerationData();
        byte[] expected = bincode(data.witnessInputData());
        Path out = tmp.resolve("witness.bin");

        TranscodeResult result = new ProofGenerationDataTranscoder().transcode(new ByteArrayInputStream(json(data)), out);

        assertThat(result).isEqualTo(new TranscodeResult.Batch(data.l1BatchNumber(), data.protocolVersion(),
                data.snarkWrapperVkHash(), expected.length));
        ByteAssertions.assertSameBytes(Files.readAllBytes(out), expected, "seed " + seed);
        assertThat(WitnessInputCodec.readBincode(out)).isEqualTo(data.witnessInputData());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36})
    void shuffledFieldsAtEveryLevel_giveTheSameBytes(long seed) throws Exception {
        ProofGenerationData data = new WitnessInputGenerator(seed, 3, 0).proofGenerationData();
        byte[] expected = bincode(data.witnessInputData());
        byte[] shuffled = new JsonShuffler(seed, seed % 2 == 0).shuffle(json(data));
        Path out = tmp.resolve("witness.bin");

        new ProofGenerationDataTranscoder().transcode(new ByteArrayInputStream(shuffled), out);

        ByteAssertions.assertSameBytes(Files.readAllBytes(out), expected, "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {41, 42, 43, 44, 45, 46, 47, 48})
    void shuffledFieldsWithTinyBuffers_spillToFilesAndGiveTheSameBytes(long seed) throws Exception {
        ProofGenerationData data = new WitnessInputGenerator(seed, 5, seed % 4 == 0 ? 1 : 0).proofGenerationData();
        byte[] expected = bincode(data.witnessInputData());
        byte[] shuffled = new JsonShuffler(seed, true).shuffle(json(data));
        Path out = tmp.resolve("witness.bin");

        new ProofGenerationDataTranscoder(16, 32).transcode(new ByteArrayInputStream(shuffled), out);

        ByteAssertions.assertSameBytes(Files.readAllBytes(out), expected, "seed " + seed);
        try (var files = Files.list(tmp)) {
            assertThat(files).as("no spill files left").containsExactly(out);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {51, 52, 53, 54})
    void witnessWithoutEvmHash_decodesThroughTheLegacyLayout(long seed) {
        WitnessInputData data = withoutEvm(new WitnessInputGenerator(seed, 3, 1).proofGenerationData()
                .witnessInputData());
        byte[] bytes = bincode(data);

        assertThat(WitnessInputCodec.readBincode(bytes)).isEqualTo(data);
    }

    static WitnessInputData withoutEvm(WitnessInputData data) {
        VmRunWitnessInputData vm = data.vmRunData();
        VmRunWitnessInputData legacy = new VmRunWitnessInputData(vm.l1BatchNumber(), vm.usedBytecodes(),
                vm.initialHeapContent(), vm.protocolVersionId(), vm.bootloaderCode(), vm.defaultAccountCodeHash(),
                Optional.empty(), vm.storageRefunds(), vm.pubdataCosts(), vm.witnessBlockState());
        return new WitnessInputData(legacy, data.merklePaths(), data.previousBatchMetadata(), data.eip4844Blobs());
    }

    static byte[] json(ProofGenerationData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProofGenerationDataJson.writeResponse(Optional.of(data), out);
        return out.toByteArray();
    }

    static byte[] bincode(WitnessInputData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WitnessInputCodec.writeBincode(data, out);
        return out.toByteArray();
    }
}
