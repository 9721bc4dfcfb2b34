package io.provergateway.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.api.CoreApiException;
import io.provergateway.api.CoreHttpStatusException;
import io.provergateway.db.DatabaseException;
import io.provergateway.store.BlobNotFoundException;
import io.provergateway.store.BlobStoreException;
import io.provergateway.store.InMemoryBlobStore;
import io.provergateway.store.RetryingBlobStore;
import io.provergateway.wire.MalformedPayloadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailurePolicyTest {
    private final FailurePolicy policy = new FailurePolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), () -> 0.5);

    @TempDir
    Path dir;

    @Test
    void namesEveryFailureByItsSource_andOnlyCoreExchangesAreCoreKinds() {
        assertThat(policy.kindOf(new CoreApiException("transport", "refused", null)).label()).isEqualTo("core_transport");
        assertThat(policy.kindOf(new CoreApiException("timeout", "silent", null)).label()).isEqualTo("core_timeout");
        assertThat(policy.kindOf(new CoreHttpStatusException("u", 502, "")).label()).isEqualTo("core_http_status");
        assertThat(policy.kindOf(new MalformedPayloadException("$.x", "bad")).label()).isEqualTo("malformed_payload");
        assertThat(policy.kindOf(new BlobStoreException("down", true, null)).label()).isEqualTo("object_store");
        assertThat(policy.kindOf(new DatabaseException("down", true, null)).label()).isEqualTo("database");
        FailurePolicy.Kind disk = policy.kindOf(new UncheckedIOException(new IOException("No space left on device")));
        assertThat(disk.label()).isEqualTo("local_io");
        assertThat(disk.isCoreExchange()).isFalse();
        assertThat(policy.kindOf(new IllegalStateException("bug")).label()).isEqualTo("internal");
    }

    @Test
    void retriesWhatMaySucceedAgain_notRefusalsMissingObjectsOrBadPayloads() {
        assertThat(policy.retriable(new CoreApiException("transport", "refused", null))).isTrue();
        assertThat(policy.retriable(new CoreHttpStatusException("u", 503, ""))).isTrue();
        assertThat(policy.retriable(new CoreHttpStatusException("u", 400, ""))).isFalse();
        assertThat(policy.retriable(new BlobStoreException("down", true, null))).isTrue();
        assertThat(policy.retriable(new BlobNotFoundException("b", "k", null))).isFalse();
        assertThat(policy.retriable(new DatabaseException("auth", false, null))).isFalse();
        assertThat(policy.retriable(new MalformedPayloadException("$.x", "bad"))).isFalse();
    }

    @Test
    void theStoreDecoratorRetriesWithThePolicysPausesCappedAtThePollPeriod() throws Exception {
        InMemoryBlobStore memory = new InMemoryBlobStore();
        memory.failNextPuts(6, true);
        List<Duration> pauses = new ArrayList<>();
        RetryingBlobStore store = new RetryingBlobStore(memory, 10, pause -> pauses.add(pause), policy.storeRetries());
        Path file = Files.writeString(dir.resolve("blob"), "x");

        store.put("bucket", "key", file);

        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThatThrownBy(() -> store.open("bucket", "missing")).isInstanceOf(BlobNotFoundException.class);
        assertThat(pauses).hasSize(6);
    }
}
