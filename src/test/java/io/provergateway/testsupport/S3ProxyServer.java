package io.provergateway.testsupport;

import io.provergateway.config.ObjectStoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: s3proxy 4.1.0 ({@code jar-with-dependencies}, copied to {@code target/s3proxy} by the
 * build) as a subprocess on 127.0.0.1, in-memory storage, checking AWS Signature V4 against one access key.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "AKIAPROVERGATEWAYTEST";
    public static final String SECRET_KEY = "s3proxy-test-secret-Zq9xW2";
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private S3ProxyServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** The s3proxy jar, or the test is skipped with a message when the build did not fetch it. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        Assumptions.assumeTrue(Files.isRegularFile(jar),
                "s3proxy jar not found at " + jar + " (run through Maven: process-test-resources copies it)");
        return jar.toAbsolutePath();
    }

    /** Starts s3proxy with its config and log in {@code dir}; returns once it answers HTTP. */
    public static S3ProxyServer start(Path dir) {
        Path jar = jar();
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            Files.createDirectories(dir);
            Path conf = Files.writeString(dir.resolve("s3proxy.conf"), String.join("\n",
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=transient-nio2",
                    "jclouds.identity=local",
                    "jclouds.credential=local", ""));
            Path log = dir.resolve("s3proxy.log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--properties", conf.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            S3ProxyServer server = new S3ProxyServer(process, endpoint, log);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                connection.getResponseCode();
                connection.disconnect();
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        close();
        throw new IllegalStateException("s3proxy did not start within " + START_LIMIT + ": " + Files.readString(log));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client with the server's credentials, path-style, for setting up buckets and inspecting objects. */
    public S3Client adminClient() {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    public void createBucket(String bucket) {
        try (S3Client s3 = adminClient()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    /** An AWS INI credentials file with the server's key in {@code [default]}. */
    public static Path writeCredentialsFile(Path file) {
        try {
            return Files.writeString(file, "[default]\naws_access_key_id = " + ACCESS_KEY
                    + "\naws_secret_access_key = " + SECRET_KEY + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code S3WithCredentialFile} for {@code bucket} at {@code endpoint} (this server or a proxy in front of it). */
    public static ObjectStoreConfig config(URI endpoint, String bucket, Path credentials, int maxRetries) {
        return new ObjectStoreConfig(ObjectStoreConfig.Mode.S3WithCredentialFile, Optional.of(bucket),
                Optional.empty(), Optional.empty(), maxRetries, Optional.empty(), Optional.of(credentials),
                Optional.of(endpoint.toString()), Optional.of("us-east-1"), Optional.empty());
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
