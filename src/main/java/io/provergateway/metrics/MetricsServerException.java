package io.provergateway.metrics;

/** The metrics listener could not start; the message names host:port. */
public class MetricsServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetricsServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
