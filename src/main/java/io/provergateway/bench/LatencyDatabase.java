package io.provergateway.bench;

import io.provergateway.db.SchemaInstaller;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded PostgreSQL with the upstream prover schema, {@code pg_stat_statements} preloaded (with planning time
 * tracked), a history of sent batches, and a role {@value #GATEWAY_ROLE} the gateway logs in as, so that its
 * statements can be told from the benchmark's own.
 */
final class LatencyDatabase implements AutoCloseable {
    static final String GATEWAY_ROLE = "gateway";
    private final EmbeddedPostgres postgres;

    LatencyDatabase(Path dir) {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_planning", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
        }
        SchemaInstaller.install(postgres.getPostgresDatabase());
        execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements",
                "CREATE ROLE " + GATEWAY_ROLE + " LOGIN PASSWORD 'gateway'",
                "GRANT ALL ON ALL TABLES IN SCHEMA public TO " + GATEWAY_ROLE);
    }

    /** The gateway's database URL (Rust form). */
    String gatewayUrl() {
        return "postgres://" + GATEWAY_ROLE + ":gateway@127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    /** {@code history} batches 1..history, sent long ago, plus their witness rows; then ANALYZE. */
    void history(int history) {
        execute("INSERT INTO prover_fri_protocol_versions (id, snark_wrapper_vk_hash, created_at, protocol_version_patch)"
                        + " VALUES (28, '\\x00', NOW(), 0) ON CONFLICT DO NOTHING",
                "INSERT INTO witness_inputs_fri (l1_batch_number, witness_inputs_blob_url, protocol_version, status,"
                        + " created_at, updated_at, protocol_version_patch) SELECT n, 'witness_inputs_' || n || '.bin',"
                        + " 28, 'successful', NOW(), NOW(), 0 FROM generate_series(1, " + history + ") n",
                "INSERT INTO proof_compression_jobs_fri (l1_batch_number, status, l1_proof_blob_url, created_at,"
                        + " updated_at, protocol_version, protocol_version_patch) SELECT n, 'sent_to_server',"
                        + " 'l1_batch_proof_' || n || '_0_28_0.bin', NOW(), NOW(), 28, 0"
                        + " FROM generate_series(1, " + history + ") n",
                "ANALYZE");
    }

    /** A compression job in progress (what the compressor works on before the proof is ready). */
    void inProgress(long batch) {
        execute("INSERT INTO proof_compression_jobs_fri (l1_batch_number, status, l1_proof_blob_url, created_at,"
                + " updated_at, protocol_version, protocol_version_patch) VALUES (" + batch + ", 'in_progress',"
                + " 'l1_batch_proof_" + batch + "_0_28_0.bin', NOW(), NOW(), 28, 0)");
    }

    /** The compressor finishing {@code batch}; returns the {@link System#nanoTime} just after the commit. */
    long markSuccessful(long batch) {
        execute("UPDATE proof_compression_jobs_fri SET status = 'successful', updated_at = NOW()"
                + " WHERE l1_batch_number = " + batch);
        return System.nanoTime();
    }

    void resetStatements() {
        execute("SELECT pg_stat_statements_reset()");
    }

    /** Execution + planning time (ms) of every statement the gateway role ran since the last reset. */
    double gatewayStatementMillis() {
        String sql = "SELECT COALESCE(SUM(total_exec_time + total_plan_time), 0) FROM pg_stat_statements"
                + " WHERE userid = '" + GATEWAY_ROLE + "'::regrole";
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_statements: " + e.getMessage(), e);
        }
    }

    /** The gateway's statements since the last reset, costliest first: calls, total ms, first line of the query. */
    List<String> gatewayStatements() {
        String sql = "SELECT calls, total_exec_time + total_plan_time, regexp_replace(query, '\\s+', ' ', 'g')"
                + " FROM pg_stat_statements WHERE userid = '" + GATEWAY_ROLE + "'::regrole ORDER BY 2 DESC";
        List<String> lines = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String query = rs.getString(3);
                lines.add(String.format("%6d calls %9.2f ms  %s", rs.getLong(1), rs.getDouble(2),
                        query.length() > 110 ? query.substring(0, 110) + "…" : query));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_statements: " + e.getMessage(), e);
        }
        return lines;
    }

    private void execute(String... statements) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bench database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
