package io.provergateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.metrics.GatewayMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeteredBlobStoreTest {
    private final InMemoryBlobStore memory = new InMemoryBlobStore();
    private final List<String> events = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final MeteredBlobStore store = new MeteredBlobStore(memory, recordingMetrics(), () -> clock.addAndGet(5_000_000));

    @TempDir
    Path scratch;

    private GatewayMetrics recordingMetrics() {
        return (GatewayMetrics) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {GatewayMetrics.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("blob")) {
                        events.add(method.getName() + " " + args[0] + " " + args[1] + " " + args[2]);
                    }
                    return null;
                });
    }

    @Test
    void reportsStoredBytesAndElapsedTime() throws IOException {
        Path content = Files.write(scratch.resolve("c.bin"), new byte[1234]);

        store.put("witness_inputs", "w.bin", content);

        assertThat(events).containsExactly("blobStored witness_inputs 1234 " + Duration.ofMillis(5));
    }

    @Test
    void reportsFetchedBytesReadThroughTheStream_onceOnClose() throws IOException {
        memory.putBytes("proofs_fri", "p.bin", new byte[1000]);

        InputStream in = store.open("proofs_fri", "p.bin");
        in.read();
        in.read(new byte[99]);
        in.skip(400);
        assertThat(events).isEmpty();
        in.close();
        in.close();

        assertThat(events).containsExactly("blobFetched proofs_fri 500 " + Duration.ofMillis(5));
    }

    @Test
    void reportsNothingForFailures() throws IOException {
        memory.failNextPuts(1, false);
        Path content = Files.write(scratch.resolve("c.bin"), new byte[3]);

        assertThatThrownBy(() -> store.put("witness_inputs", "w.bin", content)).isInstanceOf(BlobStoreException.class);
        assertThatThrownBy(() -> store.open("proofs_fri", "none.bin")).isInstanceOf(BlobNotFoundException.class);

        assertThat(events).isEmpty();
    }
}
