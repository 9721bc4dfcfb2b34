package io.provergateway.submitter;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Tells a proof the core refuses by dropping the connection from a core that is down. The Via core rejects a proof
 * whose coords do not match by panicking in its handler, which the gateway sees as a dropped connection. After
 * {@link #REFUSAL_AFTER} consecutive dropped connections for the same batch, while the core answered other requests
 * since the first of them, the batch is treated as refused (long hold-back) rather than as an outage.
 */
final class DroppedConnections {
    static final int REFUSAL_AFTER = 3;

    private final LongSupplier coreReplies;
    private final Map<Long, Streak> streaks = new HashMap<>();

    /** @param coreReplies how many exchanges with the core got an answer so far (any task, any batch) */
    DroppedConnections(LongSupplier coreReplies) {
        this.coreReplies = coreReplies;
    }

    /** Records a dropped connection while sending {@code batch}; returns the streak (count, refused or not). */
    Streak dropped(long batch) {
        long replies = coreReplies.getAsLong();
        Streak previous = streaks.get(batch);
        Streak streak = previous == null ? new Streak(1, replies, false)
                : new Streak(previous.drops() + 1, previous.repliesAtStart(),
                        previous.drops() + 1 >= REFUSAL_AFTER && replies > previous.repliesAtStart());
        streaks.put(batch, streak);
        return streak;
    }

    /** Any other outcome for {@code batch} ends its streak. */
    void ended(long batch) {
        streaks.remove(batch);
    }

    /** @param refused whether the core answered other requests during a streak of at least {@link #REFUSAL_AFTER} */
    record Streak(int drops, long repliesAtStart, boolean refused) {}
}
