package io.provergateway.testsupport;

import io.provergateway.config.DatabaseConfig;
import io.provergateway.config.PostgresUrl;
import io.provergateway.config.Secret;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A database on a test PostgreSQL. {@link #dataSource()} opens a new unpooled connection per call (so two calls
 * are two independent sessions).
 */
public record TestDatabase(String name, int port, DataSource dataSource) {

    /** {@code jdbc:postgresql://127.0.0.1:{port}/{name}}, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** The Rust (sqlx) form with credentials, for gateway subprocesses: {@code postgres://user:pass@127.0.0.1:port/db}. */
    public String rustUrl() {
        return "postgres://" + TestPostgres.USER + ":" + TestPostgres.PASSWORD + "@127.0.0.1:" + port + "/" + name;
    }

    public PostgresUrl postgresUrl() {
        return new PostgresUrl(jdbcUrl(), Optional.of(TestPostgres.USER), Optional.of(new Secret(TestPostgres.PASSWORD)));
    }

    public DatabaseConfig databaseConfig(int poolSize) {
        return new DatabaseConfig(postgresUrl(), poolSize);
    }
}
