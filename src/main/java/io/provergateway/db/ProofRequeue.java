package io.provergateway.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code requeue-proof}: moves a {@code sent_to_server} compression row back to {@code successful}, so the gateway
 * sends it again. Any other state is left alone. The row is locked while it is looked at, so a gateway claiming it
 * at the same time either sees the old or the new state, never half of it.
 */
public final class ProofRequeue {
    private static final String LOCK = """
            SELECT status FROM proof_compression_jobs_fri WHERE l1_batch_number = ? FOR UPDATE""";
    private static final String REQUEUE = """
            UPDATE proof_compression_jobs_fri
            SET status = 'successful', updated_at = NOW()
            WHERE l1_batch_number = ? AND status = 'sent_to_server'""";

    /** {@code previousStatus} is empty when there is no row; {@code requeued} is true only from sent_to_server. */
    public record Outcome(Optional<String> previousStatus, boolean requeued) {}

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
            return new Outcome(status, false);
        }
        try (PreparedStatement update = connection.prepareStatement(REQUEUE)) {
            update.setLong(1, l1BatchNumber);
            return new Outcome(status, update.executeUpdate() == 1);
        }
    }
}
