package io.provergateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.testsupport.FaultyHttpProxy;
import io.provergateway.testsupport.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S3 specifics against s3proxy: refused credentials, the stall limit, and the AWS default credential chain. */
class S3BlobStoreTest {
    private static final String S3_BUCKET = "prover-s3-specifics";
    private static S3ProxyServer server;

    @TempDir
    Path dir;

    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        server = S3ProxyServer.start(Files.createTempDirectory("s3proxy-specifics"));
        server.createBucket(S3_BUCKET);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private BlobStore store(java.net.URI endpoint, Path credentials, StoreTimeouts timeouts) {
        return BlobStores.create(S3ProxyServer.config(endpoint, S3_BUCKET, credentials, 3), GatewayMetrics.NOOP,
                d -> sleeps.add(d), Map.of(), timeouts);
    }

    private Path content() throws IOException {
        return Files.writeString(dir.resolve("c.bin"), "witness bytes");
    }

    @Test
    void aWrongSecretKey_isRefusedWith403_andNeverRetried_andNotShown() throws IOException {
        Path credentials = Files.writeString(dir.resolve("aws"), "[default]\naws_access_key_id = "
                + S3ProxyServer.ACCESS_KEY + "\naws_secret_access_key = wrong-secret-Xy7\n");
        Path content = content();
        try (BlobStore store = store(server.endpoint(), credentials, StoreTimeouts.DEFAULT)) {
            assertThatThrownBy(() -> store.put("witness_inputs", "witness_inputs_1.bin", content))
                    .isInstanceOfSatisfying(BlobStoreException.class, e -> assertThat(e.retriable()).isFalse())
                    .hasMessageContaining("HTTP 403")
                    .hasMessageNotContaining("wrong-secret-Xy7");
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aStalledAttemptIsAbortedAfterTheStallLimit_andRetried() throws IOException {
        Path credentials = S3ProxyServer.writeCredentialsFile(dir.resolve("aws"));
        try (FaultyHttpProxy proxy = new FaultyHttpProxy(server.endpoint());
                BlobStore store = store(proxy.endpoint(), credentials,
                        new StoreTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)))) {
            proxy.stallNext(1);
            store.put("witness_inputs", "witness_inputs_2.bin", content());

            try (InputStream in = store.open("witness_inputs", "witness_inputs_2.bin")) {
                assertThat(in.readAllBytes()).asString().isEqualTo("witness bytes");
            }
            assertThat(proxy.injected()).isEqualTo(1);
        }
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aCredentialFileWithoutKeys_fallsBackToTheAwsDefaultChain() throws IOException {
        Path credentials = Files.writeString(dir.resolve("aws"), "[default]\nregion = us-east-1\n");
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        try (BlobStore store = store(server.endpoint(), credentials, StoreTimeouts.DEFAULT)) {
            store.put("witness_inputs", "witness_inputs_3.bin", content());
            try (InputStream in = store.open("witness_inputs", "witness_inputs_3.bin")) {
                assertThat(in.readAllBytes()).asString().isEqualTo("witness bytes");
            }
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
