package io.provergateway.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code requeue-proof}: moves a {@code sent_to_server} compression row back to the state it was sent from, so the
 * gateway sends it again: {@code successful} when the compressor recorded its proof ({@code l1_proof_blob_url} set, as
 * upstream's {@code mark_proof_compression_job_successful} always does), else {@code skipped} (a skipped job never
 * gets one), so a skipped batch is sent as {@code SkippedProofGeneration} again instead of waiting for a proof blob
 * that does not exist. Any other state is left alone. The row is locked while it is looked at, so a gateway claiming
 * it at the same time either sees the old or the new state, never half of it.
 */
public final class ProofRequeue {
    private static final String LOCK = """
            SELECT status FROM proof_compression_jobs_fri WHERE l1_batch_number = ? FOR UPDATE""";
    private static final String REQUEUE = """
            UPDATE proof_compression_jobs_fri
            SET status = CASE WHEN l1_proof_blob_url IS NULL THEN 'skipped' ELSE 'successful' END, updated_at = NOW()
            WHERE l1_batch_number = ? AND status = 'sent_to_server'
            RETURNING status""";

    /**
     * {@code previousStatus} is empty when there is no row; {@code newStatus} is {@code successful} or {@code skipped}
     * when the row was requeued (only from sent_to_server), else empty.
     */
    public record Outcome(Optional<String> previousStatus, Optional<String> newStatus) {
        public boolean requeued() {
            return newStatus.isPresent();
        }
    }

    private ProofRequeue() {}

    public static Outcome requeue(DataSource dataSource, long l1BatchNumber) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Outcome outcome = requeueLocked(connection, l1BatchNumber);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.classify("requeue the proof of batch " + l1BatchNumber, e);
        }
    }

    private static Outcome requeueLocked(Connection connection, long l1BatchNumber) throws SQLException {
        Optional<String> status;
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setLong(1, l1BatchNumber);
            try (ResultSet row = lock.executeQuery()) {
                status = row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
        if (status.isEmpty() || !status.get().equals("sent_to_server")) {
            return new Outcome(status, Optional.empty());
        }
        try (PreparedStatement update = connection.prepareStatement(REQUEUE)) {
            update.setLong(1, l1BatchNumber);
            try (ResultSet row = update.executeQuery()) {
                return new Outcome(status, row.next() ? Optional.of(row.getString(1)) : Optional.empty());
            }
        }
    }
}
