package io.provergateway.loop;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter, a cap and a floor: {@code initial × 2^(failures−1)}, at most {@code cap}, each
 * multiplied by a random factor in [1 − jitter, 1 + jitter) (by default [0.8, 1.2), like upstream's object-store
 * retries), never below {@code floor}. The values in use come from {@link FailurePolicy}.
 */
public final class Backoff {
    private static final double DEFAULT_JITTER = 0.2;

    private final Duration initial;
    private final Duration cap;
    private final Duration floor;
    private final double jitter;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration cap, DoubleSupplier random) {
        this(initial, cap, Duration.ofMillis(1), DEFAULT_JITTER, random);
    }

    public Backoff(Duration initial, Duration cap, Duration floor, double jitter, DoubleSupplier random) {
        this.initial = initial;
        this.cap = cap;
        this.floor = floor;
        this.jitter = jitter;
        this.random = random;
    }

    /** The wait before the next attempt after {@code failures} consecutive failures (failures ≥ 1). */
    public Duration delayAfter(int failures) {
        int exponent = Math.min(Math.max(failures, 1) - 1, 30);
        double base = Math.min(initial.toMillis() * Math.pow(2, exponent), cap.toMillis());
        double jittered = base * (1 - jitter + 2 * jitter * random.getAsDouble());
        return Duration.ofMillis(Math.max(floor.toMillis(), Math.max(1, Math.round(jittered))));
    }
}
