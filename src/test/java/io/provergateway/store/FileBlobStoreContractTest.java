package io.provergateway.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The contract on the FileBacked store; faults are injected in front of it (it has no transport of its own). */
class FileBlobStoreContractTest extends BlobStoreContract {
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger hit = new AtomicInteger();

    @Override
    BlobStore store(int maxRetries, RetryingBlobStore.Sleeper sleeper) {
        return new RetryingBlobStore(new Faulty(new FileBlobStore(dir.resolve("store"))), maxRetries, sleeper);
    }

    @Override
    void failNext(int count) {
        pending.set(count);
    }

    @Override
    int faultsHit() {
        return hit.get();
    }

    @Override
    byte[] rawObject(String objectName) throws IOException {
        return Files.readAllBytes(dir.resolve("store").resolve(objectName));
    }

    private final class Faulty implements BlobStore {
        private final BlobStore delegate;

        Faulty(BlobStore delegate) {
            this.delegate = delegate;
        }

        private void maybeFail() {
            if (pending.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                hit.incrementAndGet();
                throw new BlobStoreException("injected interrupted I/O", true, null);
            }
        }

        @Override
        public void put(String bucket, String key, Path content) {
            maybeFail();
            delegate.put(bucket, key, content);
        }

        @Override
        public java.io.InputStream open(String bucket, String key) {
            maybeFail();
            return delegate.open(bucket, key);
        }
    }
}
