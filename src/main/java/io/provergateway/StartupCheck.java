package io.provergateway;

import io.provergateway.db.DatabaseException;
import io.provergateway.db.SchemaCheck;
import io.provergateway.loop.StopSignal;
import java.sql.SQLException;
import java.time.Duration;
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

    private StartupCheck() {}

    static void awaitSchema(DataSource dataSource, StopSignal stop) {
        boolean warned = false;
        while (!stop.isStopped()) {
            try {
                SchemaCheck.verify(dataSource);
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
