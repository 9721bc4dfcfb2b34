package io.provergateway.wire;

import java.util.List;

/**
 * One decoded CBOR data item, as ciborium's reader sees it (push-mode spec §4.1): tags are already skipped, bignums
 * (tags 2 and 3) that fit 64 bits are plain integers, and definite and indefinite lengths look the same.
 */
sealed interface CborItem {
    /** Major type 0, or a tag-2 bignum of at most 8 bytes: {@code value} read as unsigned. */
    record UInt(long value) implements CborItem {}

    /** Major type 1, or a tag-3 bignum of at most 8 bytes: the integer -1 - {@code value} (unsigned). */
    record NInt(long value) implements CborItem {}

    /** A bignum too large for 64 bits. */
    record BigNum(boolean negative, byte[] magnitude) implements CborItem {}

    record Bytes(byte[] value) implements CborItem {}

    record Text(String value) implements CborItem {}

    record Array(List<CborItem> items) implements CborItem {}

    /** A map; keys and values in the order they were written. */
    record MapItem(List<CborItem> keys, List<CborItem> values) implements CborItem {}

    /** A simple value: 20 false, 21 true, 22 null, 23 undefined, others. */
    record Simple(int value) implements CborItem {}

    record Float(double value) implements CborItem {}

    /** What an error message calls the item. */
    static String describe(CborItem item) {
        if (item instanceof UInt u) {
            return "integer " + Long.toUnsignedString(u.value());
        } else if (item instanceof NInt) {
            return "negative integer";
        } else if (item instanceof BigNum) {
            return "big integer";
        } else if (item instanceof Bytes b) {
            return "byte string of " + b.value().length;
        } else if (item instanceof Text t) {
            return "text " + HexStrings.abbreviate(t.value());
        } else if (item instanceof Array a) {
            return "array of " + a.items().size();
        } else if (item instanceof MapItem m) {
            return "map of " + m.keys().size();
        } else if (item instanceof Simple s) {
            return s.value() == 20 || s.value() == 21 ? "boolean" : s.value() == 22 ? "null"
                    : s.value() == 23 ? "undefined" : "simple value " + s.value();
        }
        return "float";
    }
}
