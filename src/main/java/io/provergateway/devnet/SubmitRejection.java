package io.provergateway.devnet;

/** How the core simulator answers a proof whose aggregation result coords do not match the batch. */
public enum SubmitRejection {
    /** 502 with a plain-text body (the default; the gateway retries). */
    BAD_GATEWAY,
    /** 200 {@code {"Error":"..."}}, a well-formed refusal. */
    ERROR_RESPONSE,
    /** No response at all, the connection is closed: what upstream's panicking handler does. */
    DROP_CONNECTION
}
