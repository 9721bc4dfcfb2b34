package io.provergateway.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The prover-DB rows the fault tests look at, read with plain SQL (one connection per call). */
final class ProverDbView {
    private final DataSource dataSource;

    ProverDbView(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code witness_inputs_fri}: batch number to {@code witness_inputs_blob_url}. */
    Map<Long, String> witnessBlobUrls() {
        return pairs("SELECT l1_batch_number, witness_inputs_blob_url FROM witness_inputs_fri");
    }

    /** {@code proof_compression_jobs_fri}: batch number to status. */
    Map<Long, String> compressionStatuses() {
        return pairs("SELECT l1_batch_number, status FROM proof_compression_jobs_fri");
    }

    /**
     * What the witness generator's requeue of stuck jobs does: a job left {@code in_progress} for longer than
     * {@code olderThan} (its worker lost the database mid-job) goes back to {@code queued}. Returns how many.
     */
    int requeueStuckWitnessJobs(Duration olderThan) {
        String sql = "UPDATE witness_inputs_fri SET status = 'queued', updated_at = NOW() WHERE status = 'in_progress'"
                + " AND processing_started_at < NOW() - make_interval(secs => ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setDouble(1, olderThan.toMillis() / 1000.0);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Map<Long, String> pairs(String sql) {
        Map<Long, String> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.put(r.getLong(1), r.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }
}
