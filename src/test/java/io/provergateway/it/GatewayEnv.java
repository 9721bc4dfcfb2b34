package io.provergateway.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The upstream environment of a gateway subprocess, with test-friendly values (poll 1 s, short timeouts). */
final class GatewayEnv {
    private final Map<String, String> env = new LinkedHashMap<>();

    private GatewayEnv() {}

    /**
     * A complete env-mode configuration: core at {@code apiUrl}, FileBacked store at {@code storeDir}, the spool at
     * {@code spoolDir}, the prover DB at {@code databaseUrl} (Rust form), metrics on {@code metricsPort} (localhost).
     */
    static GatewayEnv of(String apiUrl, String databaseUrl, Path storeDir, Path spoolDir, int metricsPort) {
        GatewayEnv e = new GatewayEnv();
        e.set("FRI_PROVER_GATEWAY_API_URL", apiUrl);
        e.set("FRI_PROVER_GATEWAY_API_POLL_DURATION_SECS", "1");
        e.set("FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_PORT", Integer.toString(metricsPort));
        e.set("FRI_PROVER_GATEWAY_PROMETHEUS_LISTENER_HOST", "127.0.0.1");
        e.set("FRI_PROVER_GATEWAY_SPOOL_PATH", spoolDir.toString());
        e.set("FRI_PROVER_GATEWAY_REQUEST_TIMEOUT_SECS", "10");
        e.set("FRI_PROVER_GATEWAY_CONNECT_TIMEOUT_SECS", "2");
        e.set("PROVER_OBJECT_STORE_MODE", "FileBacked");
        e.set("PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH", storeDir.toString());
        e.set("PROVER_OBJECT_STORE_MAX_RETRIES", "1");
        e.set("DATABASE_PROVER_URL", databaseUrl);
        e.set("DATABASE_POOL_SIZE", "3");
        return e;
    }

    /** No variables at all (for subcommands and YAML mode). */
    static GatewayEnv empty() {
        return new GatewayEnv();
    }

    GatewayEnv set(String name, String value) {
        env.put(name, value);
        return this;
    }

    GatewayEnv remove(String name) {
        env.remove(name);
        return this;
    }

    Map<String, String> toMap() {
        return Map.copyOf(env);
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PostgreSQL URL at a port nothing listens on. */
    static String unreachableDatabaseUrl() {
        return "postgres://postgres:postgres@127.0.0.1:" + freePort() + "/nowhere";
    }
}
