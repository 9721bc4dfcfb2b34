package io.provergateway.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A core on HTTPS with a self-signed certificate made at test time by the JDK's {@code keytool}. It answers
 * {@code {"Success":null}} to data requests and {@code "Success"} to submissions, and records each request's path
 * and {@code Authorization} header.
 */
final class TlsCore implements AutoCloseable {
    private static final String PASSWORD = "changeit";

    record Request(String path, String authorization) {}

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Path caPem;
    private final List<Request> received = new CopyOnWriteArrayList<>();

    private TlsCore(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        Path keystore = dir.resolve("core.p12");
        caPem = dir.resolve("core-ca.pem");
        keytool("-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "core", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "core", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", caPem.toString());
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext(keystore)));
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Generates a key pair and certificate in {@code dir} and starts serving on an ephemeral port. */
    static TlsCore start(Path dir) throws Exception {
        return new TlsCore(dir);
    }

    /** {@code https://127.0.0.1:{port}}. */
    String baseUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The self-signed certificate, PEM: the CA bundle that makes the gateway trust this core. */
    Path caPem() {
        return caPem;
    }

    List<Request> received() {
        return List.copyOf(received);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.add(new Request(path, exchange.getRequestHeaders().getFirst("Authorization")));
            String body = path.equals("/proof_generation_data") ? "{\"Success\":null}" : "\"Success\"";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static SSLContext sslContext(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
