package io.provergateway.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Ending a transaction on a failure path without hiding the original failure. */
final class Transactions {
    private Transactions() {}

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
