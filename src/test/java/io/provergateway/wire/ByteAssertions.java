package io.provergateway.wire;

import static org.assertj.core.api.Assertions.fail;

/** Byte-array comparison that reports the first difference instead of dumping both arrays. */
final class ByteAssertions {
    private ByteAssertions() {}

    static void assertSameBytes(byte[] actual, byte[] expected, String context) {
        int n = Math.min(actual.length, expected.length);
        for (int i = 0; i < n; i++) {
            if (actual[i] != expected[i]) {
                fail("%s: first difference at byte %d (actual %d, expected %d); lengths %d vs %d",
                        context, i, actual[i], expected[i], actual.length, expected.length);
            }
        }
        if (actual.length != expected.length) {
            fail("%s: lengths differ: actual %d, expected %d", context, actual.length, expected.length);
        }
    }
}
