package io.provergateway.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, but it can be frozen: the core simulator then never re-issues a batch (no time passes). */
final class FreezableClock extends Clock {
    private volatile Instant frozenAt;

    void freeze() {
        frozenAt = Instant.now();
    }

    /** Back to real time: every batch handed out while frozen is at once past its proof generation timeout. */
    void thaw() {
        frozenAt = null;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
