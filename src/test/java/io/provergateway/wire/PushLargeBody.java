package io.provergateway.wire;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A push-mode body of any size, generated while it is read (nothing held in memory): {@code logs} storage-log
 * entries of 18 hashes each in {@code merkle_paths} (an array whose length CBOR needs first, so it goes through the
 * spill), as many {@code read_storage_key} entries, and 16 full blobs.
 */
final class PushLargeBody extends InputStream {
    static final int BLOB = Eip4844Blobs.BLOB_SIZE;

    private final long logs;
    private long part;
    private byte[] chunk = new byte[0];
    private int at;

    PushLargeBody(long logs) {
        this.logs = logs;
    }

    /** About how many bytes of JSON {@code logs} entries make. */
    static long approximateSize(long logs) {
        return logs * (2700 + 210) + 16L * BLOB * 4;
    }

    private static final String ARRAY = arrayOf(32);
    private static final String LOG = "{\"root_hash\":" + ARRAY + ",\"is_write\":true,\"first_write\":false,"
            + "\"merkle_paths\":[" + (ARRAY + ",").repeat(15) + ARRAY + "],\"leaf_hashed_key\":\"0x5daa\","
            + "\"leaf_enumeration_index\":17,\"value_written\":" + ARRAY + ",\"value_read\":" + ARRAY + "}";
    private static final String READ = "[{\"account\":{\"address\":\"0x000000000000000000000000000000000000800a\"},"
            + "\"key\":\"" + PushGoldenVector.H2 + "\"},\"" + PushGoldenVector.H1 + "\"]";

    private static String arrayOf(int n) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ",").append((i * 37 + 200) % 256);
        }
        return out.append(']').toString();
    }

    private String next() {
        long p = part++;
        if (p == 0) {
            return "{\"l1_batch_number\":9,\"chain_id\":270,\"witness_input_data\":{\"merkle_paths\":"
                    + "{\"merkle_paths\":[";
        } else if (p <= logs) {
            return (p > 1 ? "," : "") + LOG;
        } else if (p == logs + 1) {
            return "],\"next_enumeration_index\":5},\"vm_run_data\":{\"l1_batch_number\":9,\"used_bytecodes\":{},"
                    + "\"initial_heap_content\":[],\"protocol_version\":\"Version29\",\"bootloader_code\":[],"
                    + "\"default_account_code_hash\":\"0x1\",\"storage_refunds\":[],\"pubdata_costs\":[],"
                    + "\"witness_block_state\":{\"is_write_initial\":[],\"read_storage_key\":[";
        } else if (p <= 2 * logs + 1) {
            return (p > logs + 2 ? "," : "") + READ;
        } else if (p == 2 * logs + 2) {
            return "]}},\"previous_batch_metadata\":{\"root_hash\":\"" + PushGoldenVector.H1 + "\",\"meta_hash\":\""
                    + PushGoldenVector.H2 + "\",\"aux_hash\":\"" + PushGoldenVector.H3 + "\"},"
                    + "\"eip_4844_blobs\":{\"blobs\":[";
        } else if (p <= 2 * logs + 18) {
            StringBuilder blob = new StringBuilder(BLOB * 4).append(p > 2 * logs + 3 ? ",[" : "[");
            for (int i = 0; i < BLOB; i++) {
                blob.append(i == 0 ? "" : ",").append(i % 251);
            }
            return blob.append(']').toString();
        } else if (p == 2 * logs + 19) {
            return "]}},\"protocol_version\":\"0.29.0\",\"l1_verifier_config\":{\"recursion_scheduler_level_vk_hash\":\""
                    + PushGoldenVector.H1 + "\"}}";
        }
        return null;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        while (at == chunk.length) {
            String s = next();
            if (s == null) {
                return -1;
            }
            chunk = s.getBytes(StandardCharsets.US_ASCII);
            at = 0;
        }
        int n = Math.min(len, chunk.length - at);
        System.arraycopy(chunk, at, b, off, n);
        at += n;
        return n;
    }

    /** Transcodes a body of {@code args[1]} storage logs into {@code args[0]}; prints the result and the time. */
    public static void main(String[] args) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
        long logs = Long.parseLong(args[1]);
        CountingStream in = new CountingStream(new PushLargeBody(logs));
        long start = System.nanoTime();
        PushedBatch batch = PushRequestTranscoder.transcode(in, dir.resolve("w.cbor"), dir);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("json=%d cbor=%d seconds=%.2f MB/s=%.0f maxHeapMiB=%d batch=%s%n", in.count,
                batch.cborBytes(), seconds, in.count / 1e6 / seconds, Runtime.getRuntime().maxMemory() >> 20,
                batch);
    }

    static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
