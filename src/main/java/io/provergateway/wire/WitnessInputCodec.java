package io.provergateway.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** bincode 1.x (legacy fixint, little-endian) form of {@link WitnessInputData}, byte-exact with Rust (spec §5.3). */
public final class WitnessInputCodec {
    private WitnessInputCodec() {}

    /** Writes the exact Rust bytes, leaving {@code evm_emulator_code_hash} out entirely when it is empty. */
    public static void writeBincode(WitnessInputData data, OutputStream out) {
        BincodeWriter writer = new BincodeWriter(out);
        new WitnessInputBincodeWriter(writer).witnessInputData(data);
        writer.flush();
    }

    /** Reads the current layout, falling back to the legacy layout (no evm field) as Rust does. Trailing bytes ok. */
    public static WitnessInputData readBincode(Path file) {
        try {
            return readBincode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WitnessInputData readBincode(byte[] bytes) {
        try {
            return new WitnessInputBincodeReader(new BincodeReader(bytes), false).witnessInputData();
        } catch (MalformedPayloadException current) {
            try {
                return new WitnessInputBincodeReader(new BincodeReader(bytes), true).witnessInputData();
            } catch (MalformedPayloadException legacy) {
                current.addSuppressed(legacy);
                throw current;
            }
        }
    }

    public static void writeMerklePathsBincode(WitnessInputMerklePaths paths, OutputStream out) {
        BincodeWriter writer = new BincodeWriter(out);
        new WitnessInputBincodeWriter(writer).merklePaths(paths);
        writer.flush();
    }

    public static WitnessInputMerklePaths readMerklePathsBincode(InputStream in) {
        try {
            return new WitnessInputBincodeReader(new BincodeReader(in.readAllBytes()), false).merklePaths();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
