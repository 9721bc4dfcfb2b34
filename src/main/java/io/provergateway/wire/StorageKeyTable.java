package io.provergateway.wire;

import java.util.Arrays;

/**
 * The storage keys of one {@code read_storage_key} or {@code is_write_initial} list as they are written: a compact
 * open-addressing table of (hash, position) pairs over the output itself, 16 bytes per key. A repeated key gets
 * its value overwritten in place with the later one, as upstream's HashMap keeps the last value.
 */
final class StorageKeyTable {
    /** {@code str(H160)} + {@code str(H256)}: the storage key's bincode, fixed size. */
    static final int KEY_BYTES = 8 + 42 + 8 + 66;

    private final ByteSink out;
    private final byte[] key = new byte[KEY_BYTES];
    private final byte[] other = new byte[KEY_BYTES];
    private final byte[] value = new byte[8 + 66];
    private long[] hashes = new long[64];
    private long[] positions = new long[64];
    private int size;

    StorageKeyTable(ByteSink out) {
        this.out = out;
    }

    /**
     * The entry just written at [start, end): if its key was seen, copies its value over the earlier entry's, drops
     * it from the output and returns true; otherwise remembers it and returns false.
     */
    boolean addOrReplace(long start, long end) {
        out.read(start, key, KEY_BYTES);
        long hash = hash(key);
        int mask = hashes.length - 1;
        for (int i = (int) (hash ^ hash >>> 32) & mask; ; i = i + 1 & mask) {
            if (positions[i] == 0) {
                hashes[i] = hash;
                positions[i] = start + 1;
                if (++size * 2 > hashes.length) {
                    grow();
                }
                return false;
            }
            if (hashes[i] == hash && sameKey(positions[i] - 1)) {
                int valueBytes = (int) (end - start - KEY_BYTES);
                out.read(start + KEY_BYTES, value, valueBytes);
                out.patch(positions[i] - 1 + KEY_BYTES, value, valueBytes);
                out.truncate(start);
                return true;
            }
        }
    }

    private boolean sameKey(long at) {
        out.read(at, other, KEY_BYTES);
        return Arrays.equals(key, other);
    }

    private static long hash(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h = (h ^ b) * 0x100000001b3L;
        }
        return h ^ h >>> 29;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldPositions = positions;
        hashes = new long[oldHashes.length * 2];
        positions = new long[oldPositions.length * 2];
        int mask = hashes.length - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            if (oldPositions[j] != 0) {
                int i = (int) (oldHashes[j] ^ oldHashes[j] >>> 32) & mask;
                while (positions[i] != 0) {
                    i = i + 1 & mask;
                }
                hashes[i] = oldHashes[j];
                positions[i] = oldPositions[j];
            }
        }
    }
}
