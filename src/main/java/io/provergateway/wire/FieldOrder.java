package io.provergateway.wire;

/**
 * Puts the fields of one JSON object into bincode declaration order. A field that arrives when all its predecessors
 * are written goes straight to the output; one that arrives early is buffered in a spill and appended once its
 * predecessors are done. The one optional field ({@code skip_serializing_if} None writes nothing) is assumed absent
 * when a later field arrives first; if it then turns up after all, its bytes are inserted where it belongs.
 */
final class FieldOrder {
    private final String[] names;
    private final int optional;
    private final ByteSink out;
    private final TranscodeSession session;
    private final boolean[] seen;
    private final ByteSink[] pending;
    private int next;
    private long optionalAt = -1;
    private int current = -1;
    private boolean direct;

    /** {@code optional} is the index of the field that may be absent, or -1. */
    FieldOrder(String[] names, int optional, ByteSink out, TranscodeSession session) {
        this.names = names;
        this.optional = optional;
        this.out = out;
        this.session = session;
        this.seen = new boolean[names.length];
        this.pending = new ByteSink[names.length];
    }

    int index(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The sink the value of field {@code i} must be written to; rejects a duplicate. */
    ByteSink begin(int i) {
        if (seen[i]) {
            throw session.cursor().error("duplicate field " + names[i]);
        }
        seen[i] = true;
        current = i;
        direct = i == next || (i == next + 1 && next == optional && !seen[optional]);
        if (direct) {
            if (i != next) {
                optionalAt = out.position();
                next = i;
            }
            return out;
        }
        pending[i] = session.newSpill();
        return pending[i];
    }

    void end() {
        if (direct) {
            next = current + 1;
            drain();
        } else if (current == optional && optionalAt >= 0) {
            ByteSink late = pending[current];
            pending[current] = null;
            try (ByteSink tail = out.cutTail(optionalAt)) {
                out.append(late);
                out.append(tail);
            } finally {
                session.release(late);
            }
        }
    }

    /** At the object's end: writes what is still buffered and rejects missing required fields. */
    void finish() {
        drain();
        for (int i = next; i < names.length; i++) {
            if (!seen[i] && i != optional) {
                throw session.cursor().error("missing field " + names[i]);
            }
        }
    }

    private void drain() {
        while (next < names.length) {
            if (pending[next] != null) {
                out.append(pending[next]);
                session.release(pending[next]);
                pending[next] = null;
                next++;
            } else if (next == optional && !seen[next] && next + 1 < names.length && pending[next + 1] != null) {
                optionalAt = out.position();
                next++;
            } else {
                return;
            }
        }
    }
}
