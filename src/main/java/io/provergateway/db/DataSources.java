package io.provergateway.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.provergateway.config.DatabaseConfig;
import io.provergateway.config.PostgresUrl;
import java.time.Duration;

/**
 * The prover-DB connection pool (HikariCP). Settings, with units:
 * <ul>
 *   <li>{@code maximumPoolSize} = {@code DATABASE_POOL_SIZE} (upstream {@code max_connections}); fixed-size pool.</li>
 *   <li>{@code connectionTimeout} 30 s: how long {@code getConnection()} waits (upstream acquire timeout). It then
 *       fails with {@code SQLTransientConnectionException}, which is classified retriable.</li>
 *   <li>{@code initializationFailTimeout} -1: the pool is created without connecting, so the gateway can start
 *       while PostgreSQL is still down; the first operations fail as retriable errors until it is up.</li>
 *   <li>{@code keepaliveTime} 60 s and {@code validationTimeout} 5 s: idle connections are probed, and a connection
 *       idle for more than 500 ms is validated ({@code Connection.isValid}) before it is handed out. Connections
 *       broken by a server restart are thus evicted and replaced; the pool recovers by itself once the server is
 *       back, without being recreated.</li>
 *   <li>{@code maxLifetime} 30 min (Hikari default), {@code autoCommit} true: the DAO opens its transactions
 *       explicitly ({@code setAutoCommit(false)}) and Hikari restores auto-commit when a connection returns.</li>
 *   <li>Session time zone UTC on every connection (as upstream), whatever the JVM's or the server's zone.</li>
 *   <li>Driver: TCP keepalive on, {@code connectTimeout} 10 s, {@code ApplicationName} prover-gateway. No
 *       statement timeout (upstream has none).</li>
 * </ul>
 */
public final class DataSources {
    public static final String POOL_NAME = "prover-gateway";
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration KEEPALIVE_TIME = Duration.ofSeconds(60);
    public static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Every session runs in UTC, as upstream's (sqlx sends {@code TimeZone=UTC} at connect): the prover tables use
     * {@code timestamp without time zone}, so {@code NOW()} written and {@code LOCALTIMESTAMP} read in another zone
     * would be hours off. Without it the JDBC driver would use this JVM's default time zone.
     */
    static final String SESSION_TIME_ZONE = "SET TIME ZONE 'UTC'";

    private DataSources() {}

    public static HikariDataSource create(DatabaseConfig config) {
        return new HikariDataSource(hikariConfig(config));
    }

    /** The pool settings for {@code config}; tests shorten timeouts on it before building the pool. */
    public static HikariConfig hikariConfig(DatabaseConfig config) {
        if (config.poolSize() < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1, got " + config.poolSize());
        }
        PostgresUrl url = config.url();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(POOL_NAME);
        hikari.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(hikari::setUsername);
        url.password().ifPresent(secret -> hikari.setPassword(secret.reveal()));
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        hikari.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        hikari.setKeepaliveTime(KEEPALIVE_TIME.toMillis());
        hikari.setInitializationFailTimeout(-1);
        hikari.setAutoCommit(true);
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        hikari.addDataSourceProperty("connectTimeout", "10");
        hikari.addDataSourceProperty("ApplicationName", POOL_NAME);
        hikari.setConnectionInitSql(SESSION_TIME_ZONE);
        return hikari;
    }
}
