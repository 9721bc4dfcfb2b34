package io.provergateway.devnet;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/** Faults queued for the next requests, each for one route (or any route when the route is empty). Thread-safe. */
final class FaultPlan {
    private final Deque<Slot> slots = new ArrayDeque<>();

    synchronized void add(Optional<CoreRoute> route, CoreFault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        slots.addLast(new Slot(route, fault, times));
    }

    /** Takes one use of the first fault queued for this route, if any. */
    synchronized Optional<CoreFault> next(CoreRoute route) {
        for (Iterator<Slot> it = slots.iterator(); it.hasNext(); ) {
            Slot slot = it.next();
            if (slot.route.isEmpty() || slot.route.get() == route) {
                if (--slot.remaining == 0) {
                    it.remove();
                }
                return Optional.of(slot.fault);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        slots.clear();
    }

    private static final class Slot {
        private final Optional<CoreRoute> route;
        private final CoreFault fault;
        private int remaining;

        private Slot(Optional<CoreRoute> route, CoreFault fault, int remaining) {
            this.route = route;
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
