package io.provergateway.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream retry policy ({@code object_store/src/retries.rs}) as a decorator: at most {@code maxRetries + 1}
 * attempts, only for retriable errors; before retry {@code i} (1-based) it sleeps {@code 2^(i-1)} seconds times a
 * random factor in [0.8, 1.2). {@link BlobNotFoundException} is never retried. Whether a failure is retriable is
 * decided by the backend adapter that raised it ({@link BlobStoreException#retriable()}), so this one decorator serves
 * every backend. A stop signal or an interrupt during a pause ends the retries at once: the last failure is thrown
 * (after an interrupt the flag stays set). Only opening is retried, not reading.
 */
public final class RetryingBlobStore implements BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingBlobStore.class);
    private static final int MAX_DOUBLINGS = 16;

    /** How the decorator waits; tests pass a recording fake. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper SYSTEM = duration -> {
            Thread.sleep(duration.toMillis());
            return true;
        };

        /** Waits {@code duration}; returns false if the wait was cut short by a stop signal. */
        boolean sleep(Duration duration) throws InterruptedException;

        /** Waits through {@code awaitStop}, which returns true as soon as a stop is signalled (e.g. {@code StopSignal::await}). */
        static Sleeper untilStopped(Predicate<Duration> awaitStop) {
            return duration -> !awaitStop.test(duration);
        }
    }

    private final BlobStore delegate;
    private final int maxRetries;
    private final Sleeper sleeper;
    private final Rule rule;

    /**
     * Which failures are retried and the pause before retry {@code i} (1-based). The gateway passes its
     * {@code FailurePolicy}'s (pauses capped at the poll period); {@link #upstream} is upstream's own.
     */
    public record Rule(Predicate<BlobStoreException> retriable, IntFunction<Duration> pauseBeforeRetry) {
        /** Upstream's: the adapter's {@link BlobStoreException#retriable()}; {@code 2^(i-1)} s × {@code jitter}. */
        public static Rule upstream(DoubleSupplier jitter) {
            return new Rule(BlobStoreException::retriable, retry -> Duration.ofMillis(
                    Math.round((1000L << Math.min(retry - 1, MAX_DOUBLINGS)) * jitter.getAsDouble())));
        }
    }

    public RetryingBlobStore(BlobStore delegate, int maxRetries) {
        this(delegate, maxRetries, Sleeper.SYSTEM);
    }

    public RetryingBlobStore(BlobStore delegate, int maxRetries, Sleeper sleeper) {
        this(delegate, maxRetries, sleeper, () -> ThreadLocalRandom.current().nextDouble(0.8, 1.2));
    }

    /** {@code jitter} returns the random factor, expected in [0.8, 1.2). */
    public RetryingBlobStore(BlobStore delegate, int maxRetries, Sleeper sleeper, DoubleSupplier jitter) {
        this(delegate, maxRetries, sleeper, Rule.upstream(jitter));
    }

    public RetryingBlobStore(BlobStore delegate, int maxRetries, Sleeper sleeper, Rule rule) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
        this.delegate = delegate;
        this.maxRetries = maxRetries;
        this.sleeper = sleeper;
        this.rule = rule;
    }

    @Override
    public void put(String bucket, String key, Path content) {
        withRetries("put", bucket, key, () -> {
            delegate.put(bucket, key, content);
            return null;
        });
    }

    @Override
    public InputStream open(String bucket, String key) {
        return withRetries("open", bucket, key, () -> delegate.open(bucket, key));
    }

    private <T> T withRetries(String op, String bucket, String key, Supplier<T> action) {
        for (int retry = 1; ; retry++) {
            try {
                return action.get();
            } catch (BlobNotFoundException e) {
                throw e;
            } catch (BlobStoreException e) {
                boolean retriable = rule.retriable().test(e);
                if (!retriable || retry > maxRetries) {
                    if (retriable) {
                        LOG.warn("object_store_retries_exhausted op={} bucket={} key={} attempts={} error=\"{}\"",
                                op, bucket, key, retry, e.getMessage());
                    }
                    throw e;
                }
                Duration pause = backoff(retry);
                LOG.info("object_store_retry op={} bucket={} key={} retry={}/{} pause_ms={} error=\"{}\"",
                        op, bucket, key, retry, maxRetries, pause.toMillis(), e.getMessage());
                sleepOrGiveUp(pause, e);
            }
        }
    }

    private Duration backoff(int retry) {
        return rule.pauseBeforeRetry().apply(retry);
    }

    private void sleepOrGiveUp(Duration pause, BlobStoreException last) {
        boolean slept;
        try {
            slept = sleeper.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            last.addSuppressed(interrupted);
            throw last;
        }
        if (!slept) {
            LOG.info("object_store_retry_abandoned reason=stop error=\"{}\"", last.getMessage());
            throw last;
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
