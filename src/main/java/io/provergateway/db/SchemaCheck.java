package io.provergateway.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Read-only start-up check that the prover DB has every table and column the gateway's SQL uses, and the unique
 * constraints its {@code ON CONFLICT} clauses need. Tables are resolved through the search path, as the gateway's
 * unqualified SQL is. Never creates or alters anything.
 */
public final class SchemaCheck {

    /** Table → the columns the 25.4 SQL reads or writes. */
    static final Map<String, List<String>> REQUIRED_COLUMNS = SchemaDialect.V25_4.requiredColumns();

    private static final String COLUMNS = """
            SELECT attname FROM pg_attribute
            WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped""";

    /** Column sets of the non-partial unique indexes (PKs and UNIQUE constraints included). */
    private static final String UNIQUE_KEYS = """
            SELECT ARRAY(SELECT a.attname FROM pg_attribute a
                         WHERE a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey))
            FROM pg_index i
            WHERE i.indrelid = to_regclass(?) AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL""";

    private SchemaCheck() {}

    /** {@link #verify(DataSource, SchemaDialect)} for the 25.4 schema (the Legacy profile). */
    public static void verify(DataSource dataSource) {
        verify(dataSource, SchemaDialect.V25_4);
    }

    /**
     * Throws {@link SchemaProfileMismatchException} when the database holds the other schema generation, else
     * {@link SchemaMismatchException} listing everything missing; DB failures are {@link DatabaseException}.
     */
    public static void verify(DataSource dataSource, SchemaDialect dialect) {
        List<String> missing = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Set<String> witnessColumns = columnsOf(connection, "witness_inputs_fri");
            SchemaDialect found = witnessColumns.contains("chain_id") ? SchemaDialect.CHAIN_ID : SchemaDialect.V25_4;
            if (!witnessColumns.isEmpty() && found != dialect) {
                throw new SchemaProfileMismatchException(dialect, found);
            }
            for (Map.Entry<String, List<String>> table : dialect.requiredColumns().entrySet()) {
                Set<String> present = columnsOf(connection, table.getKey());
                if (present.isEmpty()) {
                    missing.add("table " + table.getKey());
                    continue;
                }
                for (String column : table.getValue()) {
                    if (!present.contains(column)) {
                        missing.add("column " + table.getKey() + "." + column);
                    }
                }
                Set<String> unique = dialect.requiredUnique().get(table.getKey());
                if (unique != null && !uniqueKeysOf(connection, table.getKey()).contains(unique)) {
                    missing.add("unique constraint on " + table.getKey() + " (" + String.join(", ", new TreeSet<>(unique))
                            + ") needed by ON CONFLICT");
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.classify("check the prover database schema", e);
        }
        if (!missing.isEmpty()) {
            throw new SchemaMismatchException(missing);
        }
    }

    private static Set<String> columnsOf(Connection connection, String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static Set<Set<String>> uniqueKeysOf(Connection connection, String table) throws SQLException {
        Set<Set<String>> keys = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(UNIQUE_KEYS)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Array array = rows.getArray(1);
                    keys.add(Set.copyOf(Arrays.asList((String[]) array.getArray())));
                    array.free();
                }
            }
        }
        return keys;
    }
}
