package io.provergateway.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Direct SQL for arranging and inspecting prover-DB rows in tests. */
final class ProverRows {
    private final DataSource dataSource;

    ProverRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void protocolVersion(int minor, int patch) {
        execute("INSERT INTO prover_fri_protocol_versions (id, snark_wrapper_vk_hash, created_at, protocol_version_patch)"
                + " VALUES (" + minor + ", '\\x00', NOW(), " + patch + ") ON CONFLICT DO NOTHING");
    }

    /** A compression job; {@code minor} null leaves protocol_version NULL. */
    void compressionJob(long batch, String status, Integer minor, int patch) {
        if (minor != null) {
            protocolVersion(minor, patch);
        }
        execute("INSERT INTO proof_compression_jobs_fri (l1_batch_number, status, created_at, updated_at,"
                + " protocol_version, protocol_version_patch) VALUES (" + batch + ", '" + status + "', NOW(),"
                + " NOW() - INTERVAL '1 hour', " + minor + ", " + patch + ")");
    }

    String compressionStatus(long batch) {
        return single("SELECT status FROM proof_compression_jobs_fri WHERE l1_batch_number = " + batch)
                .orElseThrow();
    }

    Optional<String> single(String sql) {
        List<List<String>> rows = rows(sql);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0).get(0));
    }

    List<List<String>> rows(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            List<List<String>> rows = new ArrayList<>();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long count(String table) {
        return Long.parseLong(single("SELECT count(*) FROM " + table).orElseThrow());
    }
}
