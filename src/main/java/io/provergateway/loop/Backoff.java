package io.provergateway.loop;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter and a cap: {@code initial × 2^(failures−1)}, at most {@code cap}, each multiplied by
 * a random factor in [0.8, 1.2) like upstream's object-store retries.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration cap;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration cap, DoubleSupplier random) {
        this.initial = initial;
        this.cap = cap;
        this.random = random;
    }

    /** The wait before the next attempt after {@code failures} consecutive failures (failures ≥ 1). */
    public Duration delayAfter(int failures) {
        int exponent = Math.min(Math.max(failures, 1) - 1, 30);
        double base = Math.min(initial.toMillis() * Math.pow(2, exponent), cap.toMillis());
        double jittered = base * (0.8 + 0.4 * random.getAsDouble());
        return Duration.ofMillis(Math.max(1, Math.round(jittered)));
    }
}
