package io.provergateway.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Ending a transaction on a failure path without hiding the original failure. */
final class Transactions {
    private Transactions() {}

    /** What runs inside {@link #inTransaction}; its result is returned once the transaction commits. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on a pooled connection: commits when it returns, rolls back on any
     * failure (rethrown; an SQL failure is classified as failing to {@code operation}).
     */
    static <T> T inTransaction(DataSource dataSource, String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.classify(operation, e);
        }
    }

    /** Rolls back; a failure to do so is attached to {@code cause} (if any) and otherwise dropped. */
    static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    /** Rolls back and closes (returns the connection to the pool); tolerates a null connection. */
    static void endQuietly(Connection connection, Throwable cause) {
        if (connection == null) {
            return;
        }
        rollbackQuietly(connection, cause);
        try {
            connection.close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
