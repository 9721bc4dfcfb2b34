package io.provergateway.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@code batch_sealed_at}: chrono 0.4.40's {@code DateTime<FixedOffset>::from_str} (the relaxed RFC 3339 that its
 * serde visitor uses), converted to UTC. As chrono: numbers need no zero padding (1 to 2 digits, years 1 to 4, or
 * any number of digits after a sign), whitespace may stand between components, the date and time are separated by
 * {@code T}, {@code t} or a space, the fraction has 1 or more digits (those after the ninth are ignored), seconds
 * may be 60 (a leap second, here the next second), and the offset is {@code Z}, {@code z}, {@code UTC} (any case)
 * or a sign ({@code +}, {@code -} or U+2212) with two-digit hours and minutes separated by colons or whitespace, or
 * by nothing.
 */
final class PushBatchSealedAt {
    /** chrono's {@code NaiveDate} year range. */
    private static final long MIN_YEAR = -262_144;
    private static final long MAX_YEAR = 262_143;

    private final String s;
    private int i;

    private PushBatchSealedAt(String text) {
        this.s = text;
    }

    /** Parses {@code text}; throws IllegalArgumentException naming the problem. */
    static Instant parse(String text) {
        return new PushBatchSealedAt(text).dateTime();
    }

    private Instant dateTime() {
        long year = year();
        skipSpace();
        literal('-');
        int month = (int) number(2);
        skipSpace();
        literal('-');
        int day = (int) number(2);
        if (i >= s.length()) {
            throw problem("premature end of input");
        }
        char sep = s.charAt(i);
        if (sep != 'T' && sep != 't' && sep != ' ') {
            throw problem("input contains invalid characters");
        }
        i++;
        int hour = (int) number(2);
        skipSpace();
        literal(':');
        int minute = (int) number(2);
        skipSpace();
        literal(':');
        int second = (int) number(2);
        long nanos = fraction();
        skipSpace();
        int offset = offset();
        skipSpace();
        if (i < s.length()) {
            throw problem("trailing input");
        }
        return instant(year, month, day, hour, minute, second, nanos, offset);
    }

    private Instant instant(long year, int month, int day, int hour, int minute, int second, long nanos,
            int offsetSeconds) {
        if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23
                || minute > 59 || second > 60) {
            throw problem("input is out of range");
        }
        LocalDate date;
        try {
            date = LocalDate.of((int) year, month, day);
        } catch (DateTimeException e) {
            throw problem("input is out of range");
        }
        if (Math.abs(offsetSeconds) >= 86_400) {
            throw problem("input is out of range");
        }
        long epochSecond = date.toEpochDay() * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        Instant result = Instant.ofEpochSecond(epochSecond, nanos);
        if (result.atOffset(ZoneOffset.UTC).getYear() < MIN_YEAR
                || result.atOffset(ZoneOffset.UTC).getYear() > MAX_YEAR) {
            throw problem("input is out of range");
        }
        return result;
    }

    private long year() {
        skipSpace();
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            boolean negative = s.charAt(i) == '-';
            i++;
            long value = number(Integer.MAX_VALUE);
            return negative ? -value : value;
        }
        return number(4);
    }

    /** chrono's {@code scan::number(s, 1, max)} after skipping whitespace. */
    private long number(int maxDigits) {
        skipSpace();
        int start = i;
        long value = 0;
        while (i < s.length() && i - start < maxDigits && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            value = value * 10 + (s.charAt(i) - '0');
            if (value > 1_000_000_000_000L) {
                throw problem("input is out of range");
            }
            i++;
        }
        if (i == start) {
            throw problem(i >= s.length() ? "premature end of input" : "input contains invalid characters");
        }
        return value;
    }

    /** An optional '.' with 1 or more digits; the first nine count. */
    private long fraction() {
        if (i >= s.length() || s.charAt(i) != '.') {
            return 0;
        }
        i++;
        int start = i;
        long nanos = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            if (i - start < 9) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
            }
            i++;
        }
        if (i == start) {
            throw problem(i >= s.length() ? "premature end of input" : "input contains invalid characters");
        }
        for (int digits = Math.min(i - start, 9); digits < 9; digits++) {
            nanos *= 10;
        }
        return nanos;
    }

    private int offset() {
        if (s.regionMatches(true, i, "UTC", 0, 3)) {
            i += 3;
            return 0;
        }
        if (i >= s.length()) {
            throw problem("premature end of input");
        }
        char first = s.charAt(i);
        if (first == 'Z' || first == 'z') {
            i++;
            return 0;
        }
        if (first != '+' && first != '-' && first != '\u2212') {
            throw problem("input contains invalid characters");
        }
        i++;
        int hours = twoDigits(9);
        while (i < s.length() && (s.charAt(i) == ':' || isRustWhitespace(s.charAt(i)))) {
            i++;
        }
        int minutes = twoDigits(5);
        int seconds = hours * 3600 + minutes * 60;
        return first == '+' ? seconds : -seconds;
    }

    private int twoDigits(int maxFirst) {
        if (s.length() - i < 2) {
            throw problem("premature end of input");
        }
        char a = s.charAt(i);
        char b = s.charAt(i + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            throw problem("input contains invalid characters");
        }
        if (a - '0' > maxFirst) {
            throw problem("input is out of range");
        }
        i += 2;
        return (a - '0') * 10 + (b - '0');
    }

    private void literal(char expected) {
        if (i >= s.length()) {
            throw problem("premature end of input");
        }
        if (s.charAt(i) != expected) {
            throw problem("input contains invalid characters");
        }
        i++;
    }

    private void skipSpace() {
        while (i < s.length() && isRustWhitespace(s.charAt(i))) {
            i++;
        }
    }

    /** Rust's {@code char::is_whitespace}: the Unicode White_Space property. */
    static boolean isRustWhitespace(char ch) {
        return ch >= '\t' && ch <= '\r' || ch == ' ' || ch == '\u0085' || ch == '\u00a0' || ch == '\u1680'
                || ch >= '\u2000' && ch <= '\u200a' || ch == '\u2028' || ch == '\u2029' || ch == '\u202f'
                || ch == '\u205f' || ch == '\u3000';
    }

    private IllegalArgumentException problem(String what) {
        return new IllegalArgumentException(what + " in the RFC 3339 date and time " + HexStrings.abbreviate(s));
    }
}
