package io.provergateway.api;

/** A failed exchange with the core; {@link #kind()} is a short fixed word for metrics and logs. */
public class CoreApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String kind;

    public CoreApiException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** {@code transport}, {@code timeout}, {@code http_status}, {@code bad_reply} or {@code too_large}. */
    public String kind() {
        return kind;
    }

    /** True when the failure says something about the core or the network, not about the payload we sent. */
    public boolean coreUnavailable() {
        return kind.equals("transport") || kind.equals("timeout")
                || (this instanceof CoreHttpStatusException status && status.status() >= 500);
    }
}
