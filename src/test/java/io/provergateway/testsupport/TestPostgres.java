package io.provergateway.testsupport;

import io.provergateway.db.SchemaInstaller;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One embedded PostgreSQL per test JVM, started on first use and stopped by its shutdown hook. Each test class takes
 * its own {@link #freshDatabase()}; databases are never shared, so classes may run in any order.
 */
public final class TestPostgres {
    public static final String USER = "postgres";
    /** The server trusts local connections; the password only makes Rust-style URLs complete. */
    public static final String PASSWORD = "postgres";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestPostgres() {}

    private static final class Holder {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
    }

    public static int port() {
        return Holder.SERVER.getPort();
    }

    /** A new database with the prover schema installed through {@link SchemaInstaller}. */
    public static TestDatabase freshDatabase() {
        TestDatabase database = emptyDatabase();
        SchemaInstaller.install(database.dataSource());
        return database;
    }

    /** A new database without any table. */
    public static TestDatabase emptyDatabase() {
        String name = "gw_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection connection = Holder.SERVER.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return database(port(), name);
    }

    static TestDatabase database(int port, String name) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(name);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return new TestDatabase(name, port, dataSource);
    }
}
