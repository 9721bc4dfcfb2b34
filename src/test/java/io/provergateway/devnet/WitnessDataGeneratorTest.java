package io.provergateway.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.wire.Eip4844Blobs;
import io.provergateway.wire.ProofGenerationData;
import io.provergateway.wire.WitnessInputCodec;
import io.provergateway.wire.WitnessInputData;
import io.provergateway.wire.WitnessInputMerklePaths.StorageLogMetadata;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WitnessDataGeneratorTest {

    @Test
    void rollupBatchesCarryAFewFullSizeBlobs() {
        Eip4844Blobs blobs = new WitnessDataGenerator(1, CommitmentMode.ROLLUP).generate(5)
                .witnessInputData().eip4844Blobs();
        List<Optional<byte[]>> slots = IntStream.range(0, Eip4844Blobs.MAX_BLOBS).mapToObj(blobs::blob).toList();
        assertThat(slots.stream().filter(Optional::isPresent).count()).isBetween(2L, 4L);
        assertThat(slots).filteredOn(Optional::isPresent)
                .allSatisfy(b -> assertThat(b.orElseThrow()).hasSize(126_976));
    }

    @Test
    void validiumBatchesCarryNoBlobs() {
        Eip4844Blobs blobs = new WitnessDataGenerator(1, CommitmentMode.VALIDIUM).generate(5)
                .witnessInputData().eip4844Blobs();
        assertThat(blobs).isEqualTo(Eip4844Blobs.empty());
    }

    @Test
    void firstMerklePathIsFullAndLaterOnesAreCompacted() {
        List<StorageLogMetadata> logs = new WitnessDataGenerator(1, CommitmentMode.ROLLUP).generate(5)
                .witnessInputData().merklePaths().merklePaths();
        assertThat(logs.size()).isGreaterThanOrEqualTo(3);
        assertThat(logs.get(0).merklePaths()).hasSize(256);
        assertThat(logs.subList(1, logs.size())).allSatisfy(l -> assertThat(l.merklePaths()).hasSizeLessThan(256));
    }

    @Test
    void evmEmulatorHashIsPresentForOddBatchesOnly() {
        WitnessDataGenerator generator = new WitnessDataGenerator(1, CommitmentMode.ROLLUP);
        assertThat(generator.generate(3).witnessInputData().vmRunData().evmEmulatorCodeHash()).isPresent();
        assertThat(generator.generate(4).witnessInputData().vmRunData().evmEmulatorCodeHash()).isEmpty();
    }

    @Test
    void carriesViaProtocolVersionAndVkHash() {
        ProofGenerationData data = new WitnessDataGenerator(1, CommitmentMode.ROLLUP).generate(9);
        assertThat(data.l1BatchNumber()).isEqualTo(9);
        assertThat(data.witnessInputData().vmRunData().l1BatchNumber()).isEqualTo(9);
        assertThat(data.protocolVersion().toString()).isEqualTo("0.28.0");
        assertThat(data.witnessInputData().vmRunData().protocolVersionId()).isEqualTo(28);
        assertThat(data.snarkWrapperVkHash().toHex())
                .isEqualTo("0x14f97b81e54b35fe673d8708cc1a19e1ea5b5e348e12d31e39824ed4f42bbca2");
        assertThat(data.witnessInputData().vmRunData().usedBytecodes()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void isDeterministicPerSeed() {
        assertThat(new WitnessDataGenerator(4, CommitmentMode.ROLLUP).generate(2))
                .isEqualTo(new WitnessDataGenerator(4, CommitmentMode.ROLLUP).generate(2));
    }

    @Test
    void bincodeOfBothEvmFormsDecodesBackToTheSameData() {
        WitnessDataGenerator generator = new WitnessDataGenerator(1, CommitmentMode.ROLLUP);
        for (long batch : List.of(3L, 4L)) {
            WitnessInputData data = generator.generate(batch).witnessInputData();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            WitnessInputCodec.writeBincode(data, bytes);
            assertThat(WitnessInputCodec.readBincode(bytes.toByteArray())).isEqualTo(data);
        }
    }
}
