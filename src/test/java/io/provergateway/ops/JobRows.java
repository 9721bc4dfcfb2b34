package io.provergateway.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Writes prover job rows in any state, as the other prover components would, for the operations tests. */
final class JobRows {
    private final DataSource dataSource;

    JobRows(DataSource dataSource) {
        this.dataSource = dataSource;
        execute("INSERT INTO prover_fri_protocol_versions (id, snark_wrapper_vk_hash, created_at, protocol_version_patch)"
                + " VALUES (28, decode(repeat('ab', 32), 'hex'), NOW(), 0) ON CONFLICT DO NOTHING");
    }

    /** A witness row in {@code status}, last updated {@code ageSeconds} ago. */
    JobRows witness(long batch, String status, long ageSeconds) {
        update("INSERT INTO witness_inputs_fri (l1_batch_number, witness_inputs_blob_url, protocol_version, status,"
                + " created_at, updated_at, protocol_version_patch) VALUES (?, 'witness_inputs_' || ? || '.bin', 28, ?,"
                + " LOCALTIMESTAMP - make_interval(secs => ?), LOCALTIMESTAMP - make_interval(secs => ?), 0)",
                batch, status, ageSeconds);
        return this;
    }

    /** A compression row in {@code status}, last updated {@code ageSeconds} ago, with 2 attempts. */
    JobRows compression(long batch, String status, long ageSeconds) {
        update("INSERT INTO proof_compression_jobs_fri (l1_batch_number, l1_proof_blob_url, protocol_version, status,"
                + " created_at, updated_at, protocol_version_patch, attempts) VALUES (?, 'l1_batch_proof_' || ? ||"
                + " '_0_28_0.bin', 28, ?, LOCALTIMESTAMP - make_interval(secs => ?),"
                + " LOCALTIMESTAMP - make_interval(secs => ?), 0, 2)", batch, status, ageSeconds);
        return this;
    }

    void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void update(String sql, long batch, String status, long ageSeconds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, batch);
            statement.setLong(2, batch);
            statement.setString(3, status);
            statement.setLong(4, ageSeconds);
            statement.setLong(5, ageSeconds);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
