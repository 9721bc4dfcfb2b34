package io.provergateway.testsupport;

import io.provergateway.db.SchemaDialect;
import io.provergateway.db.SchemaInstaller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Test databases with upstream HEAD's chain-id schema: the shared pg_dump ({@code ../shared/spec/
 * gateway-schema-upstream-head.sql}) applied in place where present, else our own DDL (init-schema's), plus direct
 * SQL for arranging and inspecting rows.
 */
public final class ChainIdSchema {
    public static final Path UPSTREAM_DDL = Path.of(System.getProperty("basedir", "."))
            .resolve("../shared/spec/gateway-schema-upstream-head.sql").normalize();

    private ChainIdSchema() {}

    /** A new database with the chain-id schema (upstream's dump when present). */
    public static TestDatabase freshDatabase() {
        TestDatabase database = TestPostgres.emptyDatabase();
        if (Files.isRegularFile(UPSTREAM_DDL)) {
            try {
                execute(database.dataSource(), Files.readString(UPSTREAM_DDL));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            SchemaInstaller.install(database.dataSource(), SchemaDialect.CHAIN_ID);
        }
        return database;
    }

    public static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A compression job of {@code (batch, chain)} in {@code status} with protocol {@code 0.minor.patch}. */
    public static void compressionJob(DataSource dataSource, long batch, long chain, String status, int minor,
            int patch) {
        execute(dataSource, "INSERT INTO prover_fri_protocol_versions (id, snark_wrapper_vk_hash, created_at,"
                + " protocol_version_patch) VALUES (" + minor + ", '\\x00', NOW(), " + patch + ") ON CONFLICT DO NOTHING");
        execute(dataSource, "INSERT INTO proof_compression_jobs_fri (l1_batch_number, chain_id, status, created_at,"
                + " updated_at, protocol_version, protocol_version_patch) VALUES (" + batch + ", " + chain + ", '"
                + status + "', NOW(), NOW(), " + minor + ", " + patch + ")");
    }

    public static Optional<String> single(DataSource dataSource, String sql) {
        List<List<String>> rows = rows(dataSource, sql);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0).get(0));
    }

    public static List<List<String>> rows(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            List<List<String>> rows = new ArrayList<>();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
