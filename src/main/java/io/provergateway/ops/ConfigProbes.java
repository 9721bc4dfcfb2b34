package io.provergateway.ops;

import com.zaxxer.hikari.HikariDataSource;
import io.provergateway.api.TlsTrust;
import io.provergateway.config.ApiConfig;
import io.provergateway.config.ApiMode;
import io.provergateway.config.GatewayConfig;
import io.provergateway.db.DatabaseException;
import io.provergateway.db.SchemaCheck;
import io.provergateway.db.SchemaDialect;
import io.provergateway.db.SchemaMismatchException;
import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.store.BlobNotFoundException;
import io.provergateway.store.BlobStores;
import io.provergateway.store.ObjectKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;

/**
 * The probes of {@code check-config}: the prover DB (connect, schema), the object store (reading a key that does not
 * exist must say "not found", which proves bucket and credentials) and the core (TCP, then an HTTP GET of
 * {@code api_url} itself: any HTTP answer proves reachability; {@code /proof_generation_data} is never called, it
 * would hand out a batch). Each result is {@code "ok …"} or the reason.
 */
final class ConfigProbes {
    private ConfigProbes() {}

    /** Probe name → result, in order database, object_store, core. */
    static Map<String, Result> run(GatewayConfig config) {
        Map<String, Result> results = new LinkedHashMap<>();
        results.put("database", guarded(() -> database(config)));
        results.put("object_store", guarded(() -> objectStore(config)));
        results.put("core", config.apiMode() == ApiMode.ProverCluster
                ? new Result(true, "skipped (ProverCluster: the core calls the gateway; api_url is not used)")
                : guarded(() -> core(config.api())));
        return results;
    }

    record Result(boolean ok, String text) {}

    private interface Probe {
        Result run() throws Exception;
    }

    private static Result guarded(Probe probe) {
        try {
            return probe.run();
        } catch (Exception e) {
            return new Result(false, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static Result database(GatewayConfig config) {
        try (HikariDataSource dataSource = OpsCommand.dataSource(config)) {
            SchemaCheck.verify(dataSource, SchemaDialect.of(config.apiMode()));
            return new Result(true, "ok (" + config.database().url().jdbcUrl() + ", schema complete)");
        } catch (SchemaMismatchException e) {
            return new Result(false, "schema: " + e.getMessage());
        } catch (DatabaseException e) {
            return new Result(false, e.getMessage());
        }
    }

    private static Result objectStore(GatewayConfig config) throws IOException {
        String where = ObjectKeys.WITNESS_INPUTS + "/" + ReadinessProbe.PROBE_KEY;
        try (InputStream in = BlobStores.create(config.objectStore(), GatewayMetrics.NOOP)
                .open(ObjectKeys.WITNESS_INPUTS, ReadinessProbe.PROBE_KEY)) {
            return new Result(true, "ok (" + where + " exists and is readable)");
        } catch (BlobNotFoundException e) {
            return new Result(true, "ok (" + where + ": not found, as expected)");
        }
    }

    private static Result core(ApiConfig api) throws IOException {
        URI uri = URI.create(api.baseUrl());
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, api.connectTimeout().toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), connectMillis);
        } catch (IOException e) {
            return new Result(false, "TCP " + uri.getHost() + ":" + port + " not reachable: " + e);
        }
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        if (connection instanceof HttpsURLConnection secure && api.caCertPath().isPresent()) {
            secure.setSSLSocketFactory(TlsTrust.socketFactory(api.caCertPath().get()));
        }
        connection.setConnectTimeout(connectMillis);
        connection.setReadTimeout(connectMillis);
        connection.setRequestMethod("GET");
        connection.setRequestProperty("User-Agent", "prover-gateway check-config");
        try {
            int status = connection.getResponseCode();
            return new Result(true, "ok (TCP " + uri.getHost() + ":" + port + " connected; GET " + api.baseUrl()
                    + " answered HTTP " + status + ")");
        } catch (IOException e) {
            return new Result(false, "TCP " + uri.getHost() + ":" + port + " connected, but GET " + api.baseUrl()
                    + " failed: " + e);
        } finally {
            connection.disconnect();
        }
    }
}
