package io.provergateway.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Turns a {@link SQLException} into a classified {@link DatabaseException} naming the operation. */
public final class SqlFailures {
    /** Server shutting down or restarting, serialization failure, deadlock. */
    private static final Set<String> RETRIABLE_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");

    private SqlFailures() {}

    /** {@code operation} should name the batch, e.g. "save witness inputs of batch 42". */
    public static DatabaseException classify(String operation, SQLException e) {
        String state = e.getSQLState();
        return new DatabaseException(operation + " failed: " + e.getMessage()
                + (state == null ? "" : " (SQLState " + state + ")") + causeText(e), isRetriable(e), e);
    }

    /**
     * The pool's acquire timeout only says "Connection is not available"; the reason (refused, wrong password, no
     * such database) is in the driver exception it wraps.
     */
    private static String causeText(SQLException e) {
        Throwable cause = e.getCause();
        if (cause == null || cause.getMessage() == null || cause.getMessage().equals(e.getMessage())) {
            return "";
        }
        return ": " + cause.getMessage();
    }

    /**
     * True for connection problems (SQLState class 08, pool acquire timeouts), admin shutdown (57P01..57P03),
     * serialization failures and deadlocks (40001, 40P01) and insufficient resources (class 53).
     */
    public static boolean isRetriable(SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return e instanceof SQLTransientException || e instanceof SQLRecoverableException;
        }
        return state.startsWith("08") || state.startsWith("53") || RETRIABLE_STATES.contains(state);
    }
}
