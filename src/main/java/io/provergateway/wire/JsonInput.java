package io.provergateway.wire;

import java.io.IOException;
import java.io.InputStream;

/**
 * The byte buffer under {@link JsonReader}: reads the stream in large chunks and can guarantee a few bytes of
 * look-ahead, so the hot loops index {@code buf} directly. Read failures of the stream are transport failures
 * (plain {@link IOException}); everything about the content is the reader's business.
 */
class JsonInput {
    static final int BUFFER = 1 << 16;

    private final InputStream in;
    byte[] buf = new byte[BUFFER];
    int pos;
    int limit;
    /** Stream offset of {@code buf[0]}. */
    private long base;
    private boolean eof;

    JsonInput(InputStream in) {
        this.in = in;
    }

    /** Byte offset in the stream of the next unread byte. */
    final long offset() {
        return base + pos;
    }

    /** Makes at least {@code n} bytes available at {@code pos} unless the stream ends first; false if it ended. */
    final boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (eof) {
                return false;
            }
            if (pos > 0) {
                int left = limit - pos;
                System.arraycopy(buf, pos, buf, 0, left);
                base += pos;
                pos = 0;
                limit = left;
            }
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
        return true;
    }

    /** The next byte without consuming it, or -1 at the end of the stream. */
    final int peek() throws IOException {
        if (pos < limit || ensure(1)) {
            return buf[pos] & 0xFF;
        }
        return -1;
    }

    /** Consumes and returns the next byte, or -1 at the end of the stream. */
    final int read() throws IOException {
        if (pos < limit || ensure(1)) {
            return buf[pos++] & 0xFF;
        }
        return -1;
    }

    /** Skips serde_json whitespace (space, tab, LF, CR) and returns the next byte unconsumed, or -1 at the end. */
    final int skipWhitespace() throws IOException {
        while (true) {
            if (pos == limit && !ensure(1)) {
                return -1;
            }
            int b = buf[pos];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                pos++;
            } else {
                return b & 0xFF;
            }
        }
    }
}
