package io.provergateway.loop;

import io.provergateway.api.CoreApiException;
import io.provergateway.db.DatabaseException;
import io.provergateway.store.BlobStoreException;
import io.provergateway.wire.MalformedPayloadException;

/** Names a failure by where it came from, for metrics labels and for "same kind as before" log suppression. */
public final class FailureKinds {
    private FailureKinds() {}

    public static String of(Throwable failure) {
        if (failure instanceof CoreApiException api) {
            return "core_" + api.kind();
        }
        if (failure instanceof MalformedPayloadException) {
            return "malformed_payload";
        }
        if (failure instanceof BlobStoreException) {
            return "object_store";
        }
        if (failure instanceof DatabaseException) {
            return "database";
        }
        return "internal";
    }
}
