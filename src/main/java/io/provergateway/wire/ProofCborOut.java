package io.provergateway.wire;

import java.io.ByteArrayOutputStream;

/** ciborium-form CBOR in memory (definite lengths, shortest heads), for the small proof objects. */
final class ProofCborOut {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    void head(int major, long value) {
        int m = major << 5;
        int width;
        if (Long.compareUnsigned(value, 24) < 0) {
            bytes.write(m | (int) value);
            return;
        } else if (Long.compareUnsigned(value, 0x100) < 0) {
            bytes.write(m | 24);
            width = 1;
        } else if (Long.compareUnsigned(value, 0x1_0000) < 0) {
            bytes.write(m | 25);
            width = 2;
        } else if (Long.compareUnsigned(value, 0x1_0000_0000L) < 0) {
            bytes.write(m | 26);
            width = 4;
        } else {
            bytes.write(m | 27);
            width = 8;
        }
        for (int i = width - 1; i >= 0; i--) {
            bytes.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }

    void text(String text) {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        head(CborHeads.TEXT, utf8.length);
        bytes.writeBytes(utf8);
    }
}
