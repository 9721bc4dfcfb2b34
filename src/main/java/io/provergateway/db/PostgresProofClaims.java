package io.provergateway.db;

import io.provergateway.db.ProverDatabase.ProofClaim;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Claims proofs to send without a transaction open across the blob read and the HTTP exchange with the core.
 *
 * <p>Design: the claim keeps one pooled connection in auto-commit mode and takes a <em>session-level</em> advisory
 * lock on the batch ({@code pg_try_advisory_lock(}{@value #LOCK_CLASS}{@code , n)}); it is released with
 * {@code pg_advisory_unlock} after marking (or giving up), and by the server itself if the session ends (crash,
 * network). Between statements the session is {@code idle}, never {@code idle in transaction}, so
 * {@code idle_in_transaction_session_timeout} on managed PostgreSQL cannot kill it, no row lock blocks the prover's
 * own writes to the row, and vacuum is never held back by a long snapshot. Instances still exclude each other: only
 * the holder of the lock sends. The status is re-read <em>after</em> the lock is taken, in a fresh statement (new
 * snapshot): a batch another instance marked and unlocked between our candidate query and our lock is seen as sent
 * and skipped. Marking is one auto-committed {@code UPDATE} (the upstream statement plus a status guard), run only
 * after {@code "Success"}. If the session is lost while a claim is open, the lock is gone and the mark fails; the
 * proof is then sent again later, exactly what upstream does when marking fails. The candidates are the lowest
 * eligible rows (spec §4.4 orders by batch number too), a few at a time so rows held by other instances are passed
 * over as {@code SKIP LOCKED} did. The advisory-lock key space is ({@value #LOCK_CLASS}, batch as int4): batch
 * numbers are u32 upstream, so no two batches share a key.
 */
final class PostgresProofClaims {
    /** First key of every lock the gateway takes ("pgsw"); nothing else in the prover uses advisory locks. */
    static final int LOCK_CLASS = 0x70677377;
    private static final int CANDIDATES = 8;

    static final String LOWEST_UNSENT = """
            SELECT l1_batch_number FROM proof_compression_jobs_fri
            WHERE status IN ('successful', 'skipped') AND NOT (l1_batch_number = ANY (?))
            ORDER BY l1_batch_number
            LIMIT""" + " " + CANDIDATES;

    static final String LOWEST_UNSENT_IN_WINDOW = """
            SELECT l1_batch_number FROM proof_compression_jobs_fri
            WHERE status IN ('successful', 'skipped')
              AND (l1_batch_number = ANY (?) OR l1_batch_number > ?)
              AND NOT (l1_batch_number = ANY (?))
            ORDER BY l1_batch_number
            LIMIT""" + " " + CANDIDATES;

    static final String STILL_UNSENT = """
            SELECT status, protocol_version, protocol_version_patch FROM proof_compression_jobs_fri
            WHERE l1_batch_number = ? AND status IN ('successful', 'skipped')""";

    static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?, ?)";
    static final String UNLOCK = "SELECT pg_advisory_unlock(?, ?)";
    static final String UNLOCK_ALL = "SELECT pg_advisory_unlock_all()";

    /** Rows whose proof is on its way, each query served by one of the upstream partial indexes. */
    static final String WINDOW = """
            SELECT l1_batch_number, false FROM proof_compression_jobs_fri WHERE status = 'queued'
            UNION ALL
            SELECT l1_batch_number, false FROM proof_compression_jobs_fri WHERE status IN ('in_progress', 'failed')
            UNION ALL
            SELECT COALESCE(MAX(l1_batch_number), -1), true FROM proof_compression_jobs_fri""";

    private final DataSource dataSource;

    PostgresProofClaims(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<ProofClaim> claim(Set<Long> excluded, Optional<ProofWindow> window) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            Optional<ProofClaim> claim = lockFirst(connection, candidates(connection, excluded, window));
            if (claim.isEmpty()) {
                connection.close();
            }
            return claim;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            if (e instanceof SQLException sql) {
                throw SqlFailures.classify("claim the next proof to send (excluding " + excluded.size()
                        + " batches)", sql);
            }
            throw (RuntimeException) e;
        }
    }

    private static List<Long> candidates(Connection connection, Set<Long> excluded, Optional<ProofWindow> window)
            throws SQLException {
        List<Array> arrays = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                window.isPresent() ? LOWEST_UNSENT_IN_WINDOW : LOWEST_UNSENT)) {
            int index = 1;
            if (window.isPresent()) {
                statement.setArray(index++, array(connection, window.get().watched(), arrays));
                statement.setLong(index++, window.get().highest());
            }
            statement.setArray(index, array(connection, excluded, arrays));
            List<Long> batches = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    batches.add(rows.getLong(1));
                }
            }
            return batches;
        } finally {
            for (Array array : arrays) {
                array.free();
            }
        }
    }

    private static Array array(Connection connection, Set<Long> values, List<Array> toFree) throws SQLException {
        Array array = connection.createArrayOf("int8", values.toArray(new Long[0]));
        toFree.add(array);
        return array;
    }

    private static Optional<ProofClaim> lockFirst(Connection connection, List<Long> candidates) throws SQLException {
        for (long batch : candidates) {
            if (!lock(connection, TRY_LOCK, batch)) {
                continue;
            }
            Optional<ProofClaim> claim = stillUnsent(connection, batch);
            if (claim.isPresent()) {
                return claim;
            }
            lock(connection, UNLOCK, batch);
        }
        return Optional.empty();
    }

    private static Optional<ProofClaim> stillUnsent(Connection connection, long batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STILL_UNSENT)) {
            statement.setLong(1, batch);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                boolean hasProof = "successful".equals(row.getString(1));
                int minor = row.getInt(2);
                Integer minorOrNull = row.wasNull() ? null : minor;
                int patch = row.getInt(3);
                return Optional.of(new PostgresProofClaim(connection, batch, hasProof, minorOrNull, patch));
            }
        }
    }

    /** Runs {@link #TRY_LOCK} or {@link #UNLOCK} for {@code batch}; returns the function's result. */
    static boolean lock(Connection connection, String sql, long batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, (int) batch);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    ProofWindow window() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(WINDOW);
                ResultSet rows = statement.executeQuery()) {
            Set<Long> watched = new HashSet<>();
            long highest = -1;
            while (rows.next()) {
                if (rows.getBoolean(2)) {
                    highest = rows.getLong(1);
                } else {
                    watched.add(rows.getLong(1));
                }
            }
            return new ProofWindow(watched, highest);
        } catch (SQLException e) {
            throw SqlFailures.classify("read the batches whose proofs are on their way", e);
        }
    }

    /**
     * Failure path: drops any advisory lock this session may hold before the connection goes back to the pool (if
     * even that fails the session is broken, and its end releases the locks).
     */
    static void closeQuietly(Connection connection, Exception cause) {
        if (connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(UNLOCK_ALL)) {
            statement.execute();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
