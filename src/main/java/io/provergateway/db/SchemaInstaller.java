package io.provergateway.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates the upstream prover-DB schema (the tables the gateway touches, as left by all prover_dal migrations) in a
 * database that does not have them yet, from {@code db/prover-schema.sql}, in one transaction. For development and
 * tests; production databases are migrated by upstream tooling.
 */
public final class SchemaInstaller {
    static final String RESOURCE = SchemaDialect.V25_4.ddlResource();

    private SchemaInstaller() {}

    /** Fails with a {@link DatabaseException} naming the existing tables if any of them is already present. */
    public static void install(DataSource dataSource) {
        install(dataSource, SchemaDialect.V25_4);
    }

    /** Installs {@code dialect}'s tables; fails as {@link #install(DataSource)} does. */
    public static void install(DataSource dataSource, SchemaDialect dialect) {
        String ddl = readResource(dialect.ddlResource());
        Transactions.inTransaction(dataSource, "install the prover schema", connection -> {
            List<String> existing = existingTables(connection);
            if (!existing.isEmpty()) {
                throw new DatabaseException("cannot install the prover schema: table(s) " + String.join(", ", existing)
                        + " already exist; the installer only creates the schema in a database without them",
                        false, null);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(ddl);
            }
            return null;
        });
    }

    private static List<String> existingTables(Connection connection) throws SQLException {
        List<String> existing = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT t FROM unnest(?::text[]) AS t WHERE to_regclass('public.' || t) IS NOT NULL ORDER BY t")) {
            statement.setArray(1, connection.createArrayOf("text", SchemaCheck.REQUIRED_COLUMNS.keySet().toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
        }
        return existing;
    }

    private static String readResource(String resource) {
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
