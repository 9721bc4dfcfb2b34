package io.provergateway;

import io.provergateway.config.DatabaseConfig;
import io.provergateway.db.DatabaseException;
import io.provergateway.db.SchemaCheck;
import io.provergateway.loop.FailurePolicy;
import io.provergateway.db.SchemaDialect;
import io.provergateway.loop.StopSignal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
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
    private static final Duration STOP_POLL = Duration.ofMillis(100);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private StartupCheck() {}

    static void awaitSchema(DatabaseConfig config, DataSource dataSource, StopSignal stop, FailurePolicy policy) {
        awaitSchema(config, dataSource, stop, policy, SchemaDialect.V25_4);
    }

    /** As above, for the schema generation {@code dialect} of the configured profile. */
    static void awaitSchema(DatabaseConfig config, DataSource dataSource, StopSignal stop, FailurePolicy policy,
            SchemaDialect dialect) {
        probeCredentials(config);
        boolean warned = false;
        int failures = 0;
        while (!stop.isStopped()) {
            try {
                if (!verifyUnlessStopped(dataSource, stop, dialect)) {
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
                stop.await(policy.retryWait(++failures));
            }
        }
    }

    /**
     * One direct connection outside the pool, so that a wrong password or database name fails start-up within
     * seconds (the pool would only report it after its 30 s acquire timeout). An unreachable server is not decided
     * here: it is waited for.
     */
    private static void probeCredentials(DatabaseConfig config) {
        Properties properties = new Properties();
        config.url().user().ifPresent(user -> properties.setProperty("user", user));
        config.url().password().ifPresent(password -> properties.setProperty("password", password.reveal()));
        properties.setProperty("connectTimeout", Long.toString(PROBE_TIMEOUT.toSeconds()));
        properties.setProperty("loginTimeout", Long.toString(PROBE_TIMEOUT.toSeconds()));
        properties.setProperty("socketTimeout", Long.toString(PROBE_TIMEOUT.toSeconds()));
        try (Connection connection = new org.postgresql.Driver().connect(config.url().jdbcUrl(), properties)) {
            LOG.debug("prover database credentials accepted by {}", connection.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            if (isConfigurationProblem(e)) {
                throw new DatabaseException("prover database " + config.url().jdbcUrl() + " refused the connection: "
                        + e.getMessage() + " (SQLState " + e.getSQLState() + ")", false, e);
            }
        }
    }

    /**
     * Runs one check on its own daemon thread and waits for it or the stop signal, whichever comes first: the pool
     * may block a connection attempt for its whole acquire timeout (30 s), far longer than a stop may take. Returns
     * false if stopped first (the abandoned check ends when the pool is closed).
     */
    private static boolean verifyUnlessStopped(DataSource dataSource, StopSignal stop, SchemaDialect dialect) {
        CompletableFuture<Void> check = CompletableFuture.runAsync(() -> SchemaCheck.verify(dataSource, dialect),
                runnable -> {
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
