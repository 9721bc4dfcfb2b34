package io.provergateway.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads the inside of a u8 array of known length (at most {@link #MAX_SIZE}) written plainly, as serde_json writes
 * it: {@code 12,0,255]} (digits without leading zeros, values up to 255, commas without whitespace, the closing
 * bracket). All or nothing: any other form is reported as unusual and left to the token path, which applies the
 * general rules and messages. The non-digit bytes of the next 128 are found eight at a time into two bit masks, so
 * each element costs a few bit operations instead of a chain of loads and unpredictable branches.
 */
final class PlainU8Array {
    /** The most elements {@link #parse} reads: 32 plain elements take at most 128 bytes. */
    static final int MAX_SIZE = 32;
    /** Bytes from the first element that {@link #parse} may read. */
    static final int LOOKAHEAD = 4 * MAX_SIZE + 5;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private PlainU8Array() {
    }

    /**
     * The {@code size} (1 to {@link #MAX_SIZE}) elements starting at {@code src[at]} into {@code dst[off..off+size)};
     * returns the index after the closing bracket, or -1 if the text is not plain (then {@code dst} holds junk).
     * {@code src} must hold {@link #LOOKAHEAD} bytes from {@code at}.
     */
    static int parse(byte[] src, int at, byte[] dst, int off, int size) {
        long low = nonDigits(src, at);
        long high = nonDigits(src, at + 64);
        int base = 0;
        int end = -1;
        int bad = 0;
        for (int i = 0; i < size; i++) {
            if (low == 0) {
                low = high;
                high = 0;
                base = 64;
            }
            int start = end + 1;
            end = base + Long.numberOfTrailingZeros(low);
            low &= low - 1;
            int len = end - start;
            int text = (int) INT_LE.get(src, at + start);
            int digits = text << 24 - 8 * len & 0x0F0F0F;
            int value = (digits & 0xFF) * 100 + (digits >>> 8 & 0xFF) * 10 + (digits >>> 16);
            int leadingZero = 1 - len & (text & 0xFF ^ '0') - 1;
            bad |= (len - 1 | 3 - len | 255 - value | leadingZero) >>> 31 | src[at + end] ^ (i < size - 1 ? ',' : ']');
            dst[off + i] = (byte) value;
        }
        return bad == 0 ? at + end + 1 : -1;
    }

    /** Bit j set where {@code src[at + j]} (j below 64) is not an ASCII digit. */
    private static long nonDigits(byte[] src, int at) {
        long mask = 0;
        for (int k = 0; k < 8; k++) {
            long word = (long) LONG_LE.get(src, at + 8 * k);
            long ascii = word & 0x7F7F7F7F7F7F7F7FL;
            long high = (ascii + 0x4646464646464646L | ~(ascii + 0x5050505050505050L) | word) & 0x8080808080808080L;
            mask |= (high >>> 7) * 0x0102040810204080L >>> 56 << 8 * k;
        }
        return mask;
    }
}
