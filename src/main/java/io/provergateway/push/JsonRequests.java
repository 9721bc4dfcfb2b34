package io.provergateway.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.Headers;
import io.provergateway.wire.MalformedPayloadException;
import io.provergateway.wire.PushRequestSyntaxException;
import java.util.Locale;

/** axum 0.7's {@code Json} extractor rules: which requests it refuses, and with which status. */
final class JsonRequests {
    private JsonRequests() {}

    /**
     * {@code application/json} or any {@code application/*+json}, parameters ignored, case-insensitive; anything
     * else, or no header, is 415.
     */
    static void requireJsonContentType(Headers headers) {
        String value = headers.getFirst("Content-Type");
        if (value == null) {
            throw RequestRejected.wrongContentType();
        }
        String mime = value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        int slash = mime.indexOf('/');
        if (slash < 0 || !mime.substring(0, slash).equals("application")) {
            throw RequestRejected.wrongContentType();
        }
        String subtype = mime.substring(slash + 1);
        if (!subtype.equals("json") && !subtype.endsWith("+json")) {
            throw RequestRejected.wrongContentType();
        }
    }

    /**
     * serde_json's syntax and end-of-input errors (not JSON, empty body, truncated, trailing data) are 400; every
     * other mismatch (missing field, wrong type, bad hex, unknown version, bad length, bad date) is 422.
     */
    static RequestRejected rejection(MalformedPayloadException e) {
        return isSyntax(e) ? RequestRejected.badJson(e.getMessage()) : RequestRejected.wrongShape(e.getMessage());
    }

    private static boolean isSyntax(MalformedPayloadException e) {
        if (e instanceof PushRequestSyntaxException) {
            return true;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                return true;
            }
        }
        return false;
    }
}
