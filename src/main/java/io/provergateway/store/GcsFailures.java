package io.provergateway.store;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.auth.Retryable;
import com.google.cloud.storage.StorageException;
import java.io.IOException;

/**
 * Classifies google-cloud-storage failures as upstream's {@code gcs.rs} does (spec §5.5): 404 is "not found"; a JSON
 * error response is retriable for 408, 429 and 5xx; an error without a JSON body only for 502 and 503; timeouts,
 * connection and other I/O errors are retriable, and so are token failures caused by I/O or a 5xx from the token
 * endpoint. 401/403 and other 4xx are not.
 */
final class GcsFailures {
    private GcsFailures() {}

    static BlobStoreException classify(String op, String bucket, String key, String where, Throwable e) {
        int status = httpStatus(e);
        boolean auth = find(e, Retryable.class) != null;
        if (status == 404 && !auth) {
            return new BlobNotFoundException(bucket, key, e);
        }
        boolean retriable;
        if (status > 0) {
            boolean plain = find(e, HttpResponseException.class) != null
                    && find(e, GoogleJsonResponseException.class) == null && !auth;
            retriable = plain ? status == 502 || status == 503 : status == 408 || status == 429 || status >= 500;
        } else {
            retriable = find(e, IOException.class) != null;
        }
        String detail = (auth ? "token: " : "") + (status > 0 ? "HTTP " + status + " " : "") + describe(e);
        return new BlobStoreException("GCS " + op + " " + where + " failed: " + detail, retriable, e);
    }

    /** The first HTTP status in the cause chain, 0 if none (transport failure). */
    private static int httpStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageException storage && storage.getCode() > 0) {
                return storage.getCode();
            }
            if (t instanceof HttpResponseException http) {
                return http.getStatusCode();
            }
        }
        return 0;
    }

    private static <T> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The innermost message's first line (the server's error message or the I/O failure). */
    private static String describe(Throwable e) {
        Throwable inner = e;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        String message = inner.getMessage() == null ? inner.getClass().getSimpleName()
                : inner.getClass().getSimpleName() + ": " + inner.getMessage();
        if (inner != e && e.getMessage() != null && !(inner instanceof IOException)) {
            message = e.getMessage();
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
