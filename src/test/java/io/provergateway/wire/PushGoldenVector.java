package io.provergateway.wire;

import static io.provergateway.wire.PushCborTestSupport.ascii;

/**
 * A push-mode body and the CBOR of its {@code WitnessInputData} written BY HAND from push-mode spec §4.3 and the
 * ciborium rules of §4.1 (heads and lengths worked out in the comments, not produced by any encoder).
 */
final class PushGoldenVector {
    static final String H1 = "0x" + "11".repeat(32);
    static final String H2 = "0x" + "22".repeat(32);
    static final String H3 = "0x" + "33".repeat(32);
    /** [0, 1, ..., 31] in JSON. */
    static final String B = "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31]";
    static final String SK = "{\"account\":{\"address\":\"0x000000000000000000000000000000000000800A\"},\"key\":\"" + H2
            + "\"}";

    static final String BODY = "{\"l1_batch_number\":7,\"chain_id\":\"270\","
            + "\"batch_sealed_at\":\"2026-06-30T10:15:02.5+02:00\","
            + "\"witness_input_data\":{"
            + "\"vm_run_data\":{\"l1_batch_number\":7,"
            + "\"used_bytecodes\":{\"0x0001AB\":[" + B + "]},"
            + "\"initial_heap_content\":[[0,\"0x0\"],[300,\"0x00ff\"]],"
            + "\"protocol_version\":\"Version29\","
            + "\"bootloader_code\":[],"
            + "\"default_account_code_hash\":\"0x0100\","
            + "\"evm_emulator_code_hash\":\"0x2\","
            + "\"storage_refunds\":[0,23,24,65536],"
            + "\"pubdata_costs\":[-1,-25,100],"
            + "\"witness_block_state\":{\"read_storage_key\":[[" + SK + ",\"" + H1 + "\"]],"
            + "\"is_write_initial\":[[" + SK + ",true]]}},"
            + "\"merkle_paths\":{\"merkle_paths\":[{\"root_hash\":" + B + ",\"is_write\":true,\"first_write\":false,"
            + "\"merkle_paths\":[" + B + "],\"leaf_hashed_key\":\"0x5daa\",\"leaf_enumeration_index\":17,"
            + "\"value_written\":" + B + ",\"value_read\":" + B + "}],\"next_enumeration_index\":4294967296},"
            + "\"previous_batch_metadata\":{\"root_hash\":\"" + H1 + "\",\"meta_hash\":\"" + H2 + "\",\"aux_hash\":\""
            + H3 + "\"},"
            + "\"eip_4844_blobs\":{\"blobs\":[null,null,null,null,null,null,null,null,null,null,null,null,null,null,"
            + "null,[1,200]]}},"
            + "\"protocol_version\":\"0.29.4\","
            + "\"l1_verifier_config\":{\"recursion_scheduler_level_vk_hash\":\"" + H1 + "\","
            + "\"fflonk_snark_wrapper_vk_hash\":null}}";

    /** array(32) head 98 20, then 0..23 as one byte each, 24..31 as 18 xx. */
    static final String ARR32 = "9820" + "000102030405060708090a0b0c0d0e0f1011121314151617"
            + "1818" + "1819" + "181a" + "181b" + "181c" + "181d" + "181e" + "181f";
    /** byte string(32) head 58 20, then the raw bytes 00..1f. */
    static final String BSTR32 = "5820" + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    /** text(66) head 78 42. */
    static final String T_H1 = "7842" + ascii(H1);
    static final String T_H2 = "7842" + ascii(H2);
    static final String T_H3 = "7842" + ascii(H3);
    /** StorageKey map(2) {account: map(1) {address: text(42), lowercased}, key: text(66)}. */
    static final String SKC = "a2" + "67" + ascii("account") + "a1" + "67" + ascii("address")
            + "782a" + ascii("0x000000000000000000000000000000000000800a") + "63" + ascii("key") + T_H2;

    static final String CBOR = "a4"                                          // WitnessInputData: map(4)
            + "6b" + ascii("vm_run_data") + "aa"                             // map(10): evm hash present
            + "6f" + ascii("l1_batch_number") + "07"
            + "6e" + ascii("used_bytecodes") + "a1" + "65" + ascii("0x1ab") + "81" + ARR32
            + "74" + ascii("initial_heap_content") + "82"
            + "82" + "00" + "63" + ascii("0x0")
            + "82" + "19012c" + "64" + ascii("0xff")
            + "70" + ascii("protocol_version") + "69" + ascii("Version29")
            + "6f" + ascii("bootloader_code") + "80"
            + "7819" + ascii("default_account_code_hash") + "65" + ascii("0x100")
            + "76" + ascii("evm_emulator_code_hash") + "63" + ascii("0x2")
            + "6f" + ascii("storage_refunds") + "84" + "00" + "17" + "1818" + "1a00010000"
            + "6d" + ascii("pubdata_costs") + "83" + "20" + "3818" + "1864"    // -1, -25, 100
            + "73" + ascii("witness_block_state") + "a2"
            + "70" + ascii("read_storage_key") + "81" + "82" + SKC + T_H1
            + "70" + ascii("is_write_initial") + "81" + "82" + SKC + "f5"
            + "6c" + ascii("merkle_paths") + "a2"
            + "6c" + ascii("merkle_paths") + "81" + "a8"                      // StorageLogMetadata: map(8)
            + "69" + ascii("root_hash") + BSTR32
            + "68" + ascii("is_write") + "f5"
            + "6b" + ascii("first_write") + "f4"
            + "6c" + ascii("merkle_paths") + "81" + BSTR32
            + "6f" + ascii("leaf_hashed_key") + "66" + ascii("0x5daa")
            + "76" + ascii("leaf_enumeration_index") + "11"
            + "6d" + ascii("value_written") + ARR32
            + "6a" + ascii("value_read") + ARR32
            + "76" + ascii("next_enumeration_index") + "1b0000000100000000"  // 2^32
            + "77" + ascii("previous_batch_metadata") + "a3"
            + "69" + ascii("root_hash") + T_H1
            + "69" + ascii("meta_hash") + T_H2
            + "68" + ascii("aux_hash") + T_H3
            + "6e" + ascii("eip_4844_blobs") + "a1" + "65" + ascii("blobs") + "90"
            + "f6".repeat(15) + "82" + "01" + "18c8";

    private PushGoldenVector() {}
}
