package io.provergateway.wire;

import java.math.BigInteger;

/** The hex text rules of {@code impl-serde} 0.4.0, shared by the fixed-size and quantity types. */
final class HexStrings {
    private HexStrings() {}

    /** Fixed-size bytes: optional "0x" then exactly {@code 2 * length} hex digits. */
    static byte[] fixed(String text, int length) {
        String digits = stripPrefix(text);
        if (digits.length() != 2 * length) {
            throw new IllegalArgumentException(
                    "expected " + (2 * length) + " hex digits, got " + digits.length() + " in " + abbreviate(text));
        }
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) ((digit(digits.charAt(2 * i), text) << 4) | digit(digits.charAt(2 * i + 1), text));
        }
        return out;
    }

    /** Quantity: optional "0x" then 1 to {@code maxDigits} hex digits. */
    static BigInteger quantity(String text, int maxDigits) {
        String digits = stripPrefix(text);
        if (digits.isEmpty() || digits.length() > maxDigits) {
            throw new IllegalArgumentException(
                    "expected 1 to " + maxDigits + " hex digits, got " + digits.length() + " in " + abbreviate(text));
        }
        for (int i = 0; i < digits.length(); i++) {
            digit(digits.charAt(i), text);
        }
        return new BigInteger(digits, 16);
    }

    private static String stripPrefix(String text) {
        return text.startsWith("0x") ? text.substring(2) : text;
    }

    private static int digit(char c, String text) {
        int d = Character.digit(c, 16);
        if (d < 0 || c > 'f') {
            throw new IllegalArgumentException("invalid hex character '" + c + "' in " + abbreviate(text));
        }
        return d;
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? '"' + text + '"' : '"' + text.substring(0, 77) + "...\"";
    }
}
