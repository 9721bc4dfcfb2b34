package io.provergateway.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes one CBOR data item with ciborium 0.2.2's reader tolerance (push-mode spec §4.1): definite or indefinite
 * lengths, tags skipped, bignums, recursion limit 256; bytes after the item are not looked at. For small objects
 * (proofs): the item is built in memory.
 */
final class CborTree {
    private static final int MAX_DEPTH = 256;
    private static final int BREAK = 0xff;

    private final byte[] in;
    private int pos;

    private CborTree(byte[] in) {
        this.in = in;
    }

    /** The first data item of {@code bytes}; throws MalformedPayloadException naming the byte offset. */
    static CborItem decode(byte[] bytes) {
        return new CborTree(bytes).item(0);
    }

    private CborItem item(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("recursion limit exceeded");
        }
        int initial = u8();
        int major = initial >>> 5;
        int info = initial & 0x1f;
        if (major == 7) {
            return simple(info);
        }
        if (info == 31) {
            return indefinite(major, depth);
        }
        long arg = argument(info);
        return switch (major) {
            case 0 -> new CborItem.UInt(arg);
            case 1 -> new CborItem.NInt(arg);
            case 2 -> new CborItem.Bytes(take(arg));
            case 3 -> new CborItem.Text(utf8(take(arg)));
            case 4 -> array(arg, depth);
            case 5 -> map(arg, depth);
            default -> tag(arg, depth);
        };
    }

    private CborItem simple(int info) {
        return switch (info) {
            case 24 -> new CborItem.Simple(u8());
            case 25 -> new CborItem.Float(halfToDouble((int) argument(25)));
            case 26 -> new CborItem.Float(Float.intBitsToFloat((int) argument(26)));
            case 27 -> new CborItem.Float(Double.longBitsToDouble(argument(27)));
            case 28, 29, 30, 31 -> throw error("unexpected break or reserved simple value");
            default -> new CborItem.Simple(info);
        };
    }

    private CborItem indefinite(int major, int depth) {
        switch (major) {
            case 2, 3 -> {
                java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
                while (peek() != BREAK) {
                    int head = u8();
                    if (head >>> 5 != major || (head & 0x1f) == 31) {
                        throw error("bad chunk in an indefinite-length string");
                    }
                    chunks.writeBytes(take(argument(head & 0x1f)));
                }
                pos++;
                byte[] all = chunks.toByteArray();
                return major == 2 ? new CborItem.Bytes(all) : new CborItem.Text(utf8(all));
            }
            case 4 -> {
                List<CborItem> items = new ArrayList<>();
                while (peek() != BREAK) {
                    items.add(item(depth + 1));
                }
                pos++;
                return new CborItem.Array(items);
            }
            case 5 -> {
                List<CborItem> keys = new ArrayList<>();
                List<CborItem> values = new ArrayList<>();
                while (peek() != BREAK) {
                    keys.add(item(depth + 1));
                    values.add(item(depth + 1));
                }
                pos++;
                return new CborItem.MapItem(keys, values);
            }
            default -> throw error("indefinite length on major type " + major);
        }
    }

    private CborItem array(long count, int depth) {
        requireAvailable(count);
        List<CborItem> items = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            items.add(item(depth + 1));
        }
        return new CborItem.Array(items);
    }

    private CborItem map(long count, int depth) {
        requireAvailable(count);
        List<CborItem> keys = new ArrayList<>((int) count);
        List<CborItem> values = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            keys.add(item(depth + 1));
            values.add(item(depth + 1));
        }
        return new CborItem.MapItem(keys, values);
    }

    /** Tags are skipped; tags 2 and 3 on a byte string are bignums. */
    private CborItem tag(long tag, int depth) {
        CborItem content = item(depth + 1);
        if ((tag == 2 || tag == 3) && content instanceof CborItem.Bytes b) {
            byte[] magnitude = b.value();
            int start = 0;
            while (start < magnitude.length && magnitude[start] == 0) {
                start++;
            }
            if (magnitude.length - start > 8) {
                return new CborItem.BigNum(tag == 3, Arrays.copyOfRange(magnitude, start, magnitude.length));
            }
            long value = 0;
            for (int i = start; i < magnitude.length; i++) {
                value = (value << 8) | (magnitude[i] & 0xFF);
            }
            return tag == 2 ? new CborItem.UInt(value) : new CborItem.NInt(value);
        }
        return content;
    }

    private long argument(int info) {
        if (info < 24) {
            return info;
        }
        int bytes = switch (info) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            default -> throw error("reserved additional information " + info);
        };
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | u8();
        }
        return value;
    }

    private void requireAvailable(long count) {
        if (Long.compareUnsigned(count, in.length - pos) > 0) {
            throw error("length " + Long.toUnsignedString(count) + " exceeds the remaining " + (in.length - pos)
                    + " bytes");
        }
    }

    private byte[] take(long length) {
        requireAvailable(length);
        byte[] out = Arrays.copyOfRange(in, pos, pos + (int) length);
        pos += (int) length;
        return out;
    }

    private int peek() {
        if (pos >= in.length) {
            throw error("unexpected end of input");
        }
        return in[pos] & 0xFF;
    }

    private int u8() {
        int value = peek();
        pos++;
        return value;
    }

    private String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw error("text is not valid UTF-8");
        }
    }

    private static double halfToDouble(int half) {
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        double value = exponent == 0 ? mantissa * Math.pow(2, -24)
                : exponent == 31 ? (mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
        return (half & 0x8000) != 0 ? -value : value;
    }

    private MalformedPayloadException error(String problem) {
        return new MalformedPayloadException("CBOR byte " + pos, problem);
    }
}
