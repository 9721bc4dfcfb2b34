package io.provergateway.push;

/** A request answered with an error status and upstream's plain-text body; nothing was stored for it. */
final class RequestRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    RequestRejected(int status, String body) {
        super(body);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** 415, axum 0.7's {@code MissingJsonContentType} text. */
    static RequestRejected wrongContentType() {
        return new RequestRejected(415, "Expected request with `Content-Type: application/json`");
    }

    /** 400, axum's {@code JsonSyntaxError}: not JSON, empty, or trailing data. */
    static RequestRejected badJson(String detail) {
        return new RequestRejected(400, "Failed to parse the request body as JSON: " + detail);
    }

    /** 422, axum's {@code JsonDataError}: JSON of the wrong shape. */
    static RequestRejected wrongShape(String detail) {
        return new RequestRejected(422, "Failed to deserialize the JSON body into the target type: " + detail);
    }

    /** 413 (ours; upstream has no limit). */
    static RequestRejected tooLarge(long limit) {
        return new RequestRejected(413, "request body exceeds the limit of " + limit
                + " bytes (FRI_PROVER_GATEWAY_MAX_REQUEST_BYTES)");
    }

    /** 408 (ours): the client sent no body bytes for the silence limit; the connection was closed. */
    static RequestRejected silent(java.time.Duration limit) {
        return new RequestRejected(408, "no request body bytes for " + limit.toSeconds()
                + " s (FRI_PROVER_GATEWAY_REQUEST_TIMEOUT_SECS)");
    }
}
