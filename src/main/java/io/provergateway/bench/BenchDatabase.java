package io.provergateway.bench;

import io.provergateway.db.SchemaInstaller;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** An embedded PostgreSQL with the upstream prover schema, and the one question the benchmarks ask it. */
final class BenchDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    BenchDatabase(Path dir) {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
        }
        SchemaInstaller.install(dataSource());
    }

    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    String url() {
        return "postgres://postgres:postgres@127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    /** Waits until {@code witness_inputs_fri} holds {@code count} rows in [first, last]; the time it saw them. */
    long awaitRows(long first, long last, int count, long timeoutNanos) {
        String sql = "SELECT COUNT(*) FROM witness_inputs_fri WHERE l1_batch_number BETWEEN ? AND ?";
        long deadline = System.nanoTime() + timeoutNanos;
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, first);
            s.setLong(2, last);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= count) {
                        return System.nanoTime();
                    }
                }
                Thread.sleep(10);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read witness_inputs_fri: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the gateway did not store batches " + first + ".." + last + " in time");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
