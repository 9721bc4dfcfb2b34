package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MerklePathsFixtureTest {
    private static final String BIN = "prepare-basic-circuits-job-full.bin";
    private static final String JSON = "derived/witness_input_merkle_paths_from_prepare_basic_circuits_job_full.json";

    @TempDir
    Path tmp;

    @Test
    void merklePathsBincode_reencodesByteIdentical() {
        byte[] bin = Fixtures.read(BIN);
        WitnessInputMerklePaths paths = WitnessInputCodec.readMerklePathsBincode(new ByteArrayInputStream(bin));
        assertThat(paths.merklePaths()).hasSize(3);
        assertThat(paths.merklePaths().get(0).merklePaths()).hasSize(256);
        assertThat(paths.nextEnumerationIndex()).isEqualTo(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WitnessInputCodec.writeMerklePathsBincode(paths, out);
        assertThat(out.toByteArray()).isEqualTo(bin);
    }

    @Test
    void merklePathsJson_fromBincode_equalsDerivedJsonByteForByte() {
        WitnessInputMerklePaths paths =
                WitnessInputCodec.readMerklePathsBincode(new ByteArrayInputStream(Fixtures.read(BIN)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProofGenerationDataJson.writeMerklePaths(paths, out);
        assertThat(new String(out.toByteArray())).isEqualTo(new String(Fixtures.read(JSON)));
    }

    @Test
    void merklePathsJson_transcodesToTheFixtureBincode() throws Exception {
        Path out = tmp.resolve("merkle.bin");
        new ProofGenerationDataTranscoder().transcodeMerklePaths(new ByteArrayInputStream(Fixtures.read(JSON)), out);
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.read(BIN));
    }

    @Test
    void merklePathsJson_transcodesWithTinyBuffersToTheFixtureBincode() throws Exception {
        Path out = tmp.resolve("merkle.bin");
        new ProofGenerationDataTranscoder(16, 16)
                .transcodeMerklePaths(new ByteArrayInputStream(Fixtures.read(JSON)), out);
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.read(BIN));
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(out);
        }
    }
}
