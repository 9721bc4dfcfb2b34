package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link PlainU8Array#parse} against a regular expression of the plain form, element by element. */
class PlainU8ArrayTest {
    private static final Pattern PLAIN = Pattern.compile("(0|[1-9][0-9]{0,2})([,\\]])");
    private static final String NOISE = " \t\n,]0123456789-+.eE[\"a{}\u00e4";

    @Test
    void everyNumberUpTo999_isReadAsTheTokenPathReadsIt() {
        for (int size = 1; size <= PlainU8Array.MAX_SIZE; size += 31) {
            for (int n = 0; n < 1000; n++) {
                for (String spelling : new String[] {"" + n, "0" + n, "00" + n}) {
                    for (int at = 0; at < size; at++) {
                        String[] items = filled(size, "7");
                        items[at] = spelling;
                        assertSameAsReference(String.join(",", items) + "]", size);
                    }
                }
            }
        }
    }

    @Test
    void randomPlainArrays_areReadWhole() {
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            int size = 1 + random.nextInt(PlainU8Array.MAX_SIZE);
            String[] items = new String[size];
            for (int k = 0; k < size; k++) {
                items[k] = Integer.toString(random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(256));
            }
            String text = String.join(",", items) + "]";
            byte[] dst = new byte[size];
            assertThat(parse(text, dst, size)).as(text).isEqualTo(text.length());
            for (int k = 0; k < size; k++) {
                assertThat(dst[k] & 0xFF).as(text).isEqualTo(Integer.parseInt(items[k]));
            }
        }
    }

    @Test
    void mutatedArrays_areAcceptedExactlyWhenStillPlain() {
        Random random = new Random(2);
        for (int i = 0; i < 200_000; i++) {
            int size = random.nextBoolean() ? PlainU8Array.MAX_SIZE : 1 + random.nextInt(PlainU8Array.MAX_SIZE);
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < size; k++) {
                text.append(random.nextInt(256)).append(k < size - 1 ? ',' : ']');
            }
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                char c = NOISE.charAt(random.nextInt(NOISE.length()));
                switch (text.length() == 0 ? 0 : random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> text.deleteCharAt(Math.min(at, text.length() - 1));
                    default -> text.setCharAt(Math.min(at, text.length() - 1), c);
                }
            }
            assertSameAsReference(text.toString(), size);
        }
    }

    @Test
    void arraysWithTooFewOrTooManyElements_areNotPlain() {
        assertThat(parse(String.join(",", filled(31, "9")) + "]", new byte[32], 32)).isEqualTo(-1);
        assertThat(parse(String.join(",", filled(33, "9")) + "]", new byte[32], 32)).isEqualTo(-1);
        assertThat(parse("]", new byte[32], 32)).isEqualTo(-1);
        assertThat(parse(String.join(",", filled(32, "255")) + ",]", new byte[32], 32)).isEqualTo(-1);
    }

    @Test
    void theLongestPlainArray_fitsTheLookahead() {
        String text = String.join(",", filled(PlainU8Array.MAX_SIZE, "255")) + "]";
        assertThat(text.length()).isLessThanOrEqualTo(PlainU8Array.LOOKAHEAD);
        assertThat(parse(text, new byte[PlainU8Array.MAX_SIZE], PlainU8Array.MAX_SIZE)).isEqualTo(text.length());
    }

    private static void assertSameAsReference(String text, int size) {
        byte[] dst = new byte[size];
        byte[] expected = new byte[size];
        int end = parse(text, dst, size);
        int want = reference(text, expected, size);
        assertThat(end).as(text).isEqualTo(want);
        if (want >= 0) {
            assertThat(dst).as(text).isEqualTo(expected);
        }
    }

    /** Parses {@code text} placed at offset 3 of a buffer padded with digits to the lookahead. */
    private static int parse(String text, byte[] dst, int size) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] src = new byte[3 + Math.max(utf8.length, PlainU8Array.LOOKAHEAD) + 8];
        Arrays.fill(src, (byte) '1');
        System.arraycopy(utf8, 0, src, 3, utf8.length);
        int end = PlainU8Array.parse(src, 3, dst, 0, size);
        return end < 0 ? -1 : end - 3;
    }

    /** The plain form, one element at a time; -1 unless {@code size} plain elements end with a bracket. */
    private static int reference(String text, byte[] dst, int size) {
        Matcher m = PLAIN.matcher(text);
        int at = 0;
        for (int k = 0; k < size; k++) {
            m.region(at, text.length());
            if (!m.lookingAt() || Integer.parseInt(m.group(1)) > 255
                    || m.group(2).equals("]") != (k == size - 1)) {
                return -1;
            }
            dst[k] = (byte) Integer.parseInt(m.group(1));
            at = m.end();
        }
        return at;
    }

    private static String[] filled(int size, String item) {
        String[] items = new String[size];
        Arrays.fill(items, item);
        return items;
    }
}
