package io.provergateway.loop;

import io.provergateway.api.CoreApiException;
import io.provergateway.db.DatabaseException;
import io.provergateway.store.BlobNotFoundException;
import io.provergateway.store.BlobStoreException;
import io.provergateway.store.RetryingBlobStore;
import io.provergateway.wire.MalformedPayloadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The one failure policy of the gateway. For every failure it decides its {@link Kind} (metrics label and log word),
 * whether trying the same operation again may help ({@link #retriable}), and how long to wait before that.
 * <ul>
 *   <li>Retry waits (loops, database, object store, a proof whose submission failed transiently) start at
 *       {@link #FIRST_RETRY_WAIT}, double, and are capped at the poll period ({@code api_poll_duration_secs}), like
 *       upstream, which retries a failing core every poll period; never shorter than {@link #MIN_RETRY_WAIT}, so a
 *       failing peer is asked at most about once a second. After an outage of any length the next attempt comes
 *       within one poll period (+ jitter) of recovery.</li>
 *   <li>A proof the core refused is held back longer: {@link #FIRST_REFUSAL_HOLD}, doubling up to
 *       {@code FRI_PROVER_GATEWAY_REFUSED_PROOF_MAX_HOLD_SECS} (default {@link #DEFAULT_MAX_REFUSAL_HOLD}).</li>
 *   <li>Every wait is multiplied by a random factor in [1 − {@link #JITTER}, 1 + {@link #JITTER}), as upstream's
 *       object-store retries are.</li>
 * </ul>
 * Callers ask this class instead of keeping their own catch lists or backoff constants.
 */
public final class FailurePolicy {
    public static final Duration FIRST_RETRY_WAIT = Duration.ofSeconds(1);
    public static final Duration MIN_RETRY_WAIT = Duration.ofSeconds(1);
    public static final Duration FIRST_REFUSAL_HOLD = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_REFUSAL_HOLD = Duration.ofMinutes(10);
    public static final double JITTER = 0.2;

    /** What a failure is, by where it came from; {@link #label()} is the metrics label and log word. */
    public enum Kind {
        CORE_TRANSPORT, CORE_TIMEOUT, CORE_HTTP_STATUS, CORE_BAD_REPLY, CORE_TOO_LARGE, MALFORMED_PAYLOAD,
        OBJECT_STORE, DATABASE, LOCAL_IO, INTERNAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** True for failures of the exchange with the core (the upstream {@code http_error} series). */
        public boolean isCoreExchange() {
            return name().startsWith("CORE_") || this == MALFORMED_PAYLOAD;
        }
    }

    private final Duration retryCap;
    private final Duration maxRefusalHold;
    private final DoubleSupplier random;

    /**
     * @param pollInterval {@code api_poll_duration_secs}: the cap of every retry wait
     * @param maxRefusalHold the longest hold of a proof the core refused
     * @param random uniform in [0, 1), for the jitter
     */
    public FailurePolicy(Duration pollInterval, Duration maxRefusalHold, DoubleSupplier random) {
        this.retryCap = pollInterval.compareTo(MIN_RETRY_WAIT) < 0 ? MIN_RETRY_WAIT : pollInterval;
        this.maxRefusalHold = maxRefusalHold.compareTo(FIRST_REFUSAL_HOLD) < 0 ? FIRST_REFUSAL_HOLD : maxRefusalHold;
        this.random = random;
    }

    /** The production policy: random jitter, the default refusal hold. */
    public static FailurePolicy forPollInterval(Duration pollInterval) {
        return new FailurePolicy(pollInterval, DEFAULT_MAX_REFUSAL_HOLD, () -> ThreadLocalRandom.current().nextDouble());
    }

    public Kind kindOf(Throwable failure) {
        if (failure instanceof CoreApiException api) {
            return switch (api.kind()) {
                case "transport" -> Kind.CORE_TRANSPORT;
                case "timeout" -> Kind.CORE_TIMEOUT;
                case "http_status" -> Kind.CORE_HTTP_STATUS;
                case "too_large" -> Kind.CORE_TOO_LARGE;
                default -> Kind.CORE_BAD_REPLY;
            };
        }
        if (failure instanceof MalformedPayloadException) {
            return Kind.MALFORMED_PAYLOAD;
        }
        if (failure instanceof BlobStoreException) {
            return Kind.OBJECT_STORE;
        }
        if (failure instanceof DatabaseException) {
            return Kind.DATABASE;
        }
        if (failure instanceof UncheckedIOException || failure instanceof IOException) {
            return Kind.LOCAL_IO;
        }
        return Kind.INTERNAL;
    }

    /**
     * Whether the same operation may succeed when simply tried again soon: the core or the network unavailable
     * (transport, timeout, 5xx), a retriable store or database error, a local disk that may get space again. Not: a
     * missing object, a malformed payload, a refusal (4xx, bad reply), a bug.
     */
    public boolean retriable(Throwable failure) {
        if (failure instanceof BlobNotFoundException) {
            return false;
        }
        if (failure instanceof CoreApiException api) {
            return api.coreUnavailable();
        }
        if (failure instanceof BlobStoreException store) {
            return store.retriable();
        }
        if (failure instanceof DatabaseException database) {
            return database.retriable();
        }
        return kindOf(failure) == Kind.LOCAL_IO;
    }

    /** The wait before attempt {@code failures + 1} after {@code failures} consecutive failures (≥ 1). */
    public Duration retryWait(int failures) {
        return retryBackoff().delayAfter(failures);
    }

    /** The hold of a proof after its {@code attempts}-th consecutive refusal by the core (≥ 1). */
    public Duration refusalHold(int attempts) {
        return refusalBackoff().delayAfter(attempts);
    }

    /** The hold of a proof after a failed submission: a retry wait when transient, a refusal hold otherwise. */
    public Duration holdAfter(boolean transientFailure, int attempts) {
        return transientFailure ? retryWait(attempts) : refusalHold(attempts);
    }

    /** {@link #retryWait} as a {@link Backoff}, for callers that take one. */
    public Backoff retryBackoff() {
        return new Backoff(FIRST_RETRY_WAIT, retryCap, MIN_RETRY_WAIT, JITTER, random);
    }

    /** {@link #refusalHold} as a {@link Backoff}, for callers that take one. */
    public Backoff refusalBackoff() {
        return new Backoff(FIRST_REFUSAL_HOLD, maxRefusalHold, MIN_RETRY_WAIT, JITTER, random);
    }

    /** The object-store retry decorator's rule: {@link #retriable} failures, {@link #retryWait} pauses. */
    public RetryingBlobStore.Rule storeRetries() {
        return new RetryingBlobStore.Rule(this::retriable, this::retryWait);
    }

    /** The longest retry wait before jitter: the poll period, but at least {@link #MIN_RETRY_WAIT}. */
    public Duration retryCap() {
        return retryCap;
    }
}
