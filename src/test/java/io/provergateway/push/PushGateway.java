package io.provergateway.push;

import io.provergateway.Gateway;
import io.provergateway.config.ApiConfig;
import io.provergateway.config.GatewayConfig;
import io.provergateway.config.MetricsConfig;
import io.provergateway.config.ObjectStoreConfig;
import io.provergateway.config.PushServerConfig;
import io.provergateway.testsupport.ChainIdSchema;
import io.provergateway.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The real {@link Gateway} in the ProverCluster profile on a fresh chain-id database and a FileBacked store in
 * {@code dir}, serving on a free port of 127.0.0.1, with an HTTP/1.1 client playing the core.
 */
final class PushGateway implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final TestDatabase database;
    final Path store;
    private final Gateway gateway;

    private PushGateway(TestDatabase database, Path store, Gateway gateway) {
        this.database = database;
        this.store = store;
        this.gateway = gateway;
    }

    static PushGateway start(Path dir, long maxRequestBytes) {
        return start(dir, ChainIdSchema.freshDatabase(), maxRequestBytes);
    }

    static PushGateway start(Path dir, TestDatabase database, long maxRequestBytes) {
        return start(dir, database, dir.resolve("store"), maxRequestBytes);
    }

    /** On {@code database} with the store at {@code store} (two instances may share both). */
    static PushGateway start(Path dir, TestDatabase database, Path store, long maxRequestBytes) {
        return new PushGateway(database, store, Gateway.start(config(dir, database, store, maxRequestBytes)));
    }

    /** With {@code requestTimeout} (FRI_PROVER_GATEWAY_REQUEST_TIMEOUT_SECS) as the request body silence limit. */
    static PushGateway start(Path dir, long maxRequestBytes, Duration requestTimeout) {
        TestDatabase database = ChainIdSchema.freshDatabase();
        Path store = dir.resolve("store");
        return new PushGateway(database, store,
                Gateway.start(config(dir, database, store, maxRequestBytes, requestTimeout)));
    }

    static GatewayConfig config(Path dir, TestDatabase database, Path store, long maxRequestBytes) {
        return config(dir, database, store, maxRequestBytes, Duration.ofSeconds(30));
    }

    static GatewayConfig config(Path dir, TestDatabase database, Path store, long maxRequestBytes,
            Duration requestTimeout) {
        ApiConfig api = new ApiConfig("http://127.0.0.1:3320", Duration.ofSeconds(5), requestTimeout, 1L << 20,
                Optional.empty(), Optional.empty());
        MetricsConfig metrics = new MetricsConfig("127.0.0.1", 0, Optional.empty(), Optional.empty());
        ObjectStoreConfig objectStore = new ObjectStoreConfig(ObjectStoreConfig.Mode.FileBacked, Optional.empty(),
                Optional.empty(), Optional.of(store), 2, Optional.empty());
        return new GatewayConfig(api, Duration.ofSeconds(1), metrics, objectStore, database.databaseConfig(4),
                dir.resolve("spool"), GatewayConfig.LogFormat.PLAIN)
                .withPushServer(new PushServerConfig("127.0.0.1", 0, maxRequestBytes));
    }

    int port() {
        return gateway.pushPort();
    }

    DataSource db() {
        return database.dataSource();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + gateway.pushPort() + path);
    }

    HttpResponse<String> post(String path, String contentType, BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(60))
                .POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String metrics() {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.metricsPort() + "/metrics"))
                .build()).body();
    }

    /** Files under the store's {@code bucket}, names only. */
    java.util.List<String> blobs(String bucket) {
        Path dir = store.resolve(bucket);
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
    }
}
