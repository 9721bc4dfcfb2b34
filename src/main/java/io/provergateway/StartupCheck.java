package io.provergateway;

import io.provergateway.db.DatabaseException;
import io.provergateway.db.SchemaCheck;
import io.provergateway.loop.StopSignal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up gate on the prover DB: a database that is down or restarting is waited for (it is transient); a schema
 * without the tables or columns we use, a wrong password or a missing database are start-up errors.
 */
final class StartupCheck {
    private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration STOP_POLL = Duration.ofMillis(100);

    private StartupCheck() {}

    static void awaitSchema(DataSource dataSource, StopSignal stop) {
        boolean warned = false;
        while (!stop.isStopped()) {
            try {
                if (!verifyUnlessStopped(dataSource, stop)) {
                    return;
                }
                if (warned) {
                    LOG.warn("prover database reachable again");
                }
                return;
            } catch (DatabaseException e) {
                if (!e.retriable() || isConfigurationProblem(e)) {
                    throw e;
                }
                if (!warned) {
                    LOG.warn("prover database not reachable yet, waiting: {}", e.getMessage());
                    warned = true;
                }
                stop.await(RETRY);
            }
        }
    }

    /**
     * Runs one check on its own daemon thread and waits for it or the stop signal, whichever comes first: the pool
     * may block a connection attempt for its whole acquire timeout (30 s), far longer than a stop may take. Returns
     * false if stopped first (the abandoned check ends when the pool is closed).
     */
    private static boolean verifyUnlessStopped(DataSource dataSource, StopSignal stop) {
        CompletableFuture<Void> check = CompletableFuture.runAsync(() -> SchemaCheck.verify(dataSource), runnable -> {
            Thread thread = new Thread(runnable, "schema-check");
            thread.setDaemon(true);
            thread.start();
        });
        while (!stop.isStopped()) {
            try {
                check.get(STOP_POLL.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                // still connecting; look at the stop signal again
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException("schema check failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Authentication failures (SQLState class 28) and unknown databases (3D000) will not fix themselves. */
    private static boolean isConfigurationProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000"))) {
                return true;
            }
        }
        return false;
    }
}
