package io.provergateway.wire;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/** bincode 1.x (legacy fixint, little-endian) form of {@link WitnessInputData}, byte-exact with Rust (spec §5.3). */
public final class WitnessInputCodec {
    private WitnessInputCodec() {}

    /** Writes the exact Rust bytes, leaving {@code evm_emulator_code_hash} out entirely when it is empty. */
    public static void writeBincode(WitnessInputData data, OutputStream out) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Reads the current layout, falling back to the legacy layout (no evm field) as Rust does. Trailing bytes ok. */
    public static WitnessInputData readBincode(Path file) {
        throw new UnsupportedOperationException("TODO");
    }

    public static WitnessInputData readBincode(byte[] bytes) {
        throw new UnsupportedOperationException("TODO");
    }

    public static void writeMerklePathsBincode(WitnessInputMerklePaths paths, OutputStream out) {
        throw new UnsupportedOperationException("TODO");
    }

    public static WitnessInputMerklePaths readMerklePathsBincode(InputStream in) {
        throw new UnsupportedOperationException("TODO");
    }
}
