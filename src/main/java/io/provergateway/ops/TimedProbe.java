package io.provergateway.ops;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a probe on its own daemon thread and waits at most {@code timeout} for it, so a readiness request never hangs
 * on a database pool's 30 s acquire timeout or a store's retries. One probe at a time: while one is still running,
 * later requests wait for that same run instead of piling up threads.
 */
final class TimedProbe {
    private final String part;
    private final Supplier<Optional<String>> probe;
    private final Duration timeout;
    private CompletableFuture<Optional<String>> running;

    /**
     * @param probe empty when fine, otherwise the whole reason ({@code "schema: …"})
     * @param part names the probe in timeout and failure reasons ({@code "database"})
     */
    TimedProbe(String part, Supplier<Optional<String>> probe, Duration timeout) {
        this.part = part;
        this.probe = probe;
        this.timeout = timeout;
    }

    /** Empty when the probe passed in time, otherwise the reason. */
    Optional<String> run() {
        CompletableFuture<Optional<String>> current = current();
        try {
            return current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.of(part + ": no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of(part + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(part + ": interrupted");
        }
    }

    private synchronized CompletableFuture<Optional<String>> current() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(probe, runnable -> {
                Thread thread = new Thread(runnable, "probe-" + part);
                thread.setDaemon(true);
                thread.start();
            });
        }
        return running;
    }
}
