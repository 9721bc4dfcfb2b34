package io.provergateway.db;

/** A failed prover-DB operation; {@link #retriable()} is true for connection loss, timeouts and serialization. */
public class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean retriable;

    public DatabaseException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
