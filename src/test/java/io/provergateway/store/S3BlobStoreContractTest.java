package io.provergateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.testsupport.FaultyHttpProxy;
import io.provergateway.testsupport.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.s3.S3Client;

/** The contract on S3: the real AWS SDK client against s3proxy (SigV4), faults injected by a proxy in between. */
class S3BlobStoreContractTest extends BlobStoreContract {
    private static final String S3_BUCKET = "prover-contract";
    private static S3ProxyServer server;
    private static Path serverDir;

    private FaultyHttpProxy proxy;

    @BeforeAll
    static void startServer() throws Exception {
        serverDir = Files.createTempDirectory("s3proxy-contract");
        server = S3ProxyServer.start(serverDir);
        server.createBucket(S3_BUCKET);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void startProxy() {
        proxy = new FaultyHttpProxy(server.endpoint());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Override
    BlobStore store(int maxRetries, RetryingBlobStore.Sleeper sleeper) {
        Path credentials = S3ProxyServer.writeCredentialsFile(dir.resolve("aws-credentials"));
        return BlobStores.create(S3ProxyServer.config(proxy.endpoint(), S3_BUCKET, credentials, maxRetries),
                GatewayMetrics.NOOP, sleeper, Map.of(), StoreTimeouts.DEFAULT);
    }

    @Override
    void failNext(int count) {
        proxy.failNext(count);
    }

    @Override
    int faultsHit() {
        return proxy.injected();
    }

    @Override
    byte[] rawObject(String objectName) {
        try (S3Client s3 = server.adminClient()) {
            return s3.getObjectAsBytes(b -> b.bucket(S3_BUCKET).key(objectName)).asByteArray();
        }
    }

    @Override
    void assertUploadedInParts(String objectName, long size) {
        try (S3Client s3 = server.adminClient()) {
            String etag = s3.headObject(b -> b.bucket(S3_BUCKET).key(objectName)).eTag();
            long parts = (size + S3BlobStore.PART_SIZE - 1) / S3BlobStore.PART_SIZE;
            assertThat(etag).as("multipart ETag").endsWith("-" + parts + "\"");
        }
    }
}
