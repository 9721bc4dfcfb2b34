package io.provergateway.devnet;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * The background thread of a prover simulator: runs one step after another until {@link #close()}, pausing for the
 * poll interval when a step found nothing to do or failed (the failure is logged, the loop goes on).
 */
final class SimulatorLoop implements AutoCloseable {
    private final String name;
    private final Logger log;
    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread worker;

    SimulatorLoop(String name, Logger log) {
        this.name = name;
        this.log = log;
    }

    /** Starts a daemon thread named {@code name} that runs {@code step} (true = did something) until closed. */
    synchronized void start(BooleanSupplier step, Duration pollInterval) {
        worker = new Thread(() -> loop(step, pollInterval), name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Sleeps for {@code duration}; true if the loop was (or gets) closed meanwhile. */
    boolean pauseUnlessStopped(Duration duration) {
        try {
            return stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void loop(BooleanSupplier step, Duration pollInterval) {
        while (stop.getCount() > 0) {
            try {
                if (!step.getAsBoolean()) {
                    pauseUnlessStopped(pollInterval);
                }
            } catch (RuntimeException e) {
                log.warn("{} iteration failed error={}", name, e.toString());
                pauseUnlessStopped(pollInterval);
            }
        }
    }

    /** Signals the stop and waits up to 5 s for the thread to end. */
    @Override
    public void close() {
        stop.countDown();
        Thread thread;
        synchronized (this) {
            thread = worker;
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
