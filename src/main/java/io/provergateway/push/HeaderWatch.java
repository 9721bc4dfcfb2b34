package io.provergateway.push;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The push server's worker threads while they read a request's headers, which the JDK server does on the worker
 * before any handler runs: a client that sends part of its headers and then nothing would hold that thread for good.
 * A thread still reading headers after the silence limit is interrupted, which closes the connection (the JDK server
 * reads it through an interruptible channel) and frees the thread.
 */
final class HeaderWatch {
    private final Map<Thread, Wait> reading = new ConcurrentHashMap<>();

    /** {@code workers}, each task watched from its start until {@link #headersRead} or its end. */
    Executor around(Executor workers) {
        return exchange -> workers.execute(() -> watch(exchange));
    }

    private void watch(Runnable exchange) {
        Thread thread = Thread.currentThread();
        Wait wait = new Wait(System.nanoTime());
        reading.put(thread, wait);
        try {
            exchange.run();
        } finally {
            reading.remove(thread);
            wait.end();
            Thread.interrupted(); // a cut that came as the exchange ended must not reach the next one
        }
    }

    /** The handler's first call: false when the watch cut this exchange an instant ago (then just close it). */
    boolean headersRead() {
        Wait wait = reading.remove(Thread.currentThread());
        if (wait == null || wait.end()) {
            return true;
        }
        Thread.interrupted();
        return false;
    }

    /** Interrupts every thread that has been reading headers for longer than {@code limit}; returns how many. */
    int cutStalled(Duration limit) {
        long now = System.nanoTime();
        int cut = 0;
        for (Map.Entry<Thread, Wait> entry : reading.entrySet()) {
            Wait wait = entry.getValue();
            if (now - wait.since > limit.toNanos() && wait.cut(entry.getKey())) {
                reading.remove(entry.getKey(), wait);
                cut++;
            }
        }
        return cut;
    }

    /** One task's header phase; {@link #end} and {@link #cut} decide, under its lock, which of the two came first. */
    private static final class Wait {
        final long since;
        private boolean ended;
        private boolean cut;

        Wait(long since) {
            this.since = since;
        }

        /** Ends the header phase; true unless it was cut before. */
        synchronized boolean end() {
            ended = true;
            return !cut;
        }

        /** Interrupts {@code thread} if the header phase has not ended; true if it did. */
        synchronized boolean cut(Thread thread) {
            if (ended || cut) {
                return false;
            }
            cut = true;
            thread.interrupt();
            return true;
        }
    }
}
