package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A golden {@code WitnessInputData} vector: the JSON is written here by hand, and the expected bincode is written
 * here byte by byte from spec §5.3 (little-endian, u64 lengths, {@code str(x)} = u64 length + ASCII; the absent
 * {@code evm_emulator_code_hash} writes nothing), never by the project's encoder. The transcoder must produce it
 * exactly, for both forms of the EVM emulator hash.
 */
class WitnessInputGoldenVectorTest {
    private static final int BLOB = 126_976;
    private static final String ADDRESS = "0x000000000000000000000000000000000000800a";
    private static final String KEY = "0x" + "00".repeat(31) + "01";
    private static final String VALUE = "0x" + "00".repeat(31) + "64";
    private static final String DEFAULT_HASH = "0x100055d4fb8cb4bf017843c74ea924928235a8954b327a1e2a88a7568a04b10";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "evm_emulator_code_hash present: {0}")
    @ValueSource(booleans = {true, false})
    void transcoderOutputEqualsTheHandWrittenVector(boolean evmHashPresent) throws Exception {
        Path out = tmp.resolve("witness.bin");
        TranscodeResult result = new ProofGenerationDataTranscoder().transcode(
                new ByteArrayInputStream(json(evmHashPresent).getBytes(StandardCharsets.UTF_8)), out);

        assertThat(result).isEqualTo(new TranscodeResult.Batch(42, new ProtocolVersion(28, 0),
                Bytes32.fromHex("0x" + "ab".repeat(32)), expected(evmHashPresent).length));
        ByteAssertions.assertSameBytes(expected(evmHashPresent), Files.readAllBytes(out), "golden vector");
    }

    private static String json(boolean evmHashPresent) {
        return "{\"Success\":{\"l1_batch_number\":42,\"witness_input_data\":{\"vm_run_data\":{"
                + "\"l1_batch_number\":42,"
                + "\"used_bytecodes\":{\"0x10000a1b2c3d\":[[" + repeat(1, 32) + "],[" + repeat(2, 32) + "]]},"
                + "\"initial_heap_content\":[[0,\"0x0\"],[1,\"0x1e\"]],"
                + "\"protocol_version\":\"Version28\","
                + "\"bootloader_code\":[[" + sequence(32, 32) + "]],"
                + "\"default_account_code_hash\":\"" + DEFAULT_HASH + "\","
                + (evmHashPresent ? "\"evm_emulator_code_hash\":\"0x0000ABcd\"," : "")
                + "\"storage_refunds\":[0,5000],"
                + "\"pubdata_costs\":[0,-12],"
                + "\"witness_block_state\":{\"read_storage_key\":[[{\"account\":{\"address\":\"" + ADDRESS
                + "\"},\"key\":\"" + KEY + "\"},\"" + VALUE + "\"]],"
                + "\"is_write_initial\":[[{\"account\":{\"address\":\"" + ADDRESS + "\"},\"key\":\"" + KEY
                + "\"},false]]}},"
                + "\"merkle_paths\":{\"merkle_paths\":[{\"root_hash\":[" + repeat(7, 32) + "],\"is_write\":true,"
                + "\"first_write\":false,\"merkle_paths\":[[" + repeat(9, 32) + "]],"
                + "\"leaf_hashed_key\":\"0x5daa965d9688be0ac6\",\"leaf_enumeration_index\":17,"
                + "\"value_written\":[" + repeat(0, 32) + "],\"value_read\":[" + repeat(3, 32) + "]}],"
                + "\"next_enumeration_index\":55},"
                + "\"previous_batch_metadata\":{\"root_hash\":\"0x" + "11".repeat(32) + "\",\"meta_hash\":\"0x"
                + "22".repeat(32) + "\",\"aux_hash\":\"0x" + "33".repeat(32) + "\"},"
                + "\"eip_4844_blobs\":{\"blobs\":[[" + sequence(BLOB, 251) + "]" + ",null".repeat(15) + "]}},"
                + "\"protocol_version\":\"0.28.0\","
                + "\"l1_verifier_config\":{\"recursion_scheduler_level_vk_hash\":\"0x" + "ab".repeat(32) + "\"}}}";
    }

    /** Spec §5.3, field by field. */
    private static byte[] expected(boolean evmHashPresent) {
        Le b = new Le();
        b.u32(42);
        b.u64(1).str("0x10000a1b2c3d").u64(2).fill(1, 32).fill(2, 32);
        b.u64(2).u64(0).str("0x0").u64(1).str("0x1e");
        b.u32(28);
        b.u64(1).sequence(32, 32);
        b.str(DEFAULT_HASH);
        if (evmHashPresent) {
            b.u8(1).str("0xabcd");
        }
        b.u64(2).u32(0).u32(5000);
        b.u64(2).u32(0).u32(-12);
        b.u64(1).str(ADDRESS).str(KEY).str(VALUE);
        b.u64(1).str(ADDRESS).str(KEY).u8(0);
        b.u64(1).u64(32).fill(7, 32).u8(1).u8(0).u64(1).u64(32).fill(9, 32).str("0x5daa965d9688be0ac6").u64(17)
                .fill(0, 32).fill(3, 32);
        b.u64(55);
        b.str("0x" + "11".repeat(32)).str("0x" + "22".repeat(32)).str("0x" + "33".repeat(32));
        b.u8(1).u64(BLOB).sequence(BLOB, 251);
        for (int i = 0; i < 15; i++) {
            b.u8(0);
        }
        return b.bytes();
    }

    private static String repeat(int value, int count) {
        return String.join(",", java.util.Collections.nCopies(count, Integer.toString(value)));
    }

    private static String sequence(int count, int modulus) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ",").append(i % modulus);
        }
        return out.toString();
    }

    /** Little-endian bytes, written one at a time. */
    private static final class Le {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Le u8(int value) {
            out.write(value);
            return this;
        }

        Le u32(int value) {
            for (int i = 0; i < 4; i++) {
                out.write(value >>> (8 * i));
            }
            return this;
        }

        Le u64(long value) {
            for (int i = 0; i < 8; i++) {
                out.write((int) (value >>> (8 * i)));
            }
            return this;
        }

        Le str(String ascii) {
            u64(ascii.length());
            for (char c : ascii.toCharArray()) {
                out.write(c);
            }
            return this;
        }

        Le fill(int value, int count) {
            for (int i = 0; i < count; i++) {
                out.write(value);
            }
            return this;
        }

        Le sequence(int count, int modulus) {
            for (int i = 0; i < count; i++) {
                out.write(i % modulus);
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
