package io.provergateway.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code Eip4844Blobs}: exactly 16 optional blobs; a present blob is exactly 126976 bytes. */
public final class Eip4844Blobs {
    public static final int MAX_BLOBS = 16;
    public static final int BLOB_SIZE = 31 * 4096;

    private final byte[][] blobs;

    public Eip4844Blobs(List<Optional<byte[]>> blobs) {
        if (blobs.size() != MAX_BLOBS) {
            throw new IllegalArgumentException("expected " + MAX_BLOBS + " blob slots, got " + blobs.size());
        }
        this.blobs = new byte[MAX_BLOBS][];
        for (int i = 0; i < MAX_BLOBS; i++) {
            this.blobs[i] = blobs.get(i).map(byte[]::clone).orElse(null);
        }
    }

    public static Eip4844Blobs empty() {
        return new Eip4844Blobs(java.util.Collections.nCopies(MAX_BLOBS, Optional.empty()));
    }

    public Optional<byte[]> blob(int index) {
        return Optional.ofNullable(blobs[index]).map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Eip4844Blobs other && Arrays.deepEquals(blobs, other.blobs);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(blobs);
    }

    @Override
    public String toString() {
        long present = Arrays.stream(blobs).filter(b -> b != null).count();
        return "Eip4844Blobs[present=" + present + "]";
    }
}
