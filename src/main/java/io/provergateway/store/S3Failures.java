package io.provergateway.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Classifies AWS SDK failures (spec §5.6, issue 7): 404 is "not found"; 5xx, 408, 429 (throttling), timeouts and
 * failures to reach the server or move the body are retriable; 401/403, other 4xx and client-side failures that did
 * not involve I/O (bad configuration, no credentials) are not. Messages carry the operation, object and status,
 * never credentials.
 */
final class S3Failures {
    private S3Failures() {}

    static BlobStoreException classify(String op, String bucket, String key, String where, SdkException e) {
        if (e instanceof NoSuchKeyException
                || e instanceof SdkServiceException service && service.statusCode() == 404) {
            return new BlobNotFoundException(bucket, key, e);
        }
        String prefix = "S3 " + op + " " + where + " failed: ";
        if (e instanceof SdkServiceException service) {
            int status = service.statusCode();
            boolean retriable = status >= 500 || status == 408 || status == 429 || service.isThrottlingException();
            return new BlobStoreException(prefix + "HTTP " + status + " " + firstLine(e.getMessage()), retriable, e);
        }
        boolean io = hasIoCause(e);
        String what = e instanceof SdkClientException && io ? "I/O: " : "";
        return new BlobStoreException(prefix + what + firstLine(e.getMessage()), io || e.retryable(), e);
    }

    static BlobStoreException localRead(String bucket, String key, IOException e) {
        return new BlobStoreException("cannot read the content for " + bucket + "/" + key + ": " + e, false, e);
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
