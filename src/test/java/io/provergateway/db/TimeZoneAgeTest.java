package io.provergateway.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.wire.Bytes32;
import io.provergateway.wire.ProtocolVersion;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ages from upstream's {@code timestamp without time zone} columns do not depend on time zones: the JVM runs in
 * New York (UTC−5/−4), the database's default zone is Tokyo (UTC+9), and the rows are written the way upstream's sqlx
 * sessions write them (in UTC).
 */
class TimeZoneAgeTest {
    private final TimeZone original = TimeZone.getDefault();
    private TestDatabase db;

    @BeforeEach
    void setUp() throws Exception {
        db = TestPostgres.freshDatabase();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + db.name() + " SET timezone TO 'Asia/Tokyo'");
        }
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(original);
    }

    @Test
    void theOldestUnsentProofAgeIsRight_whenJvmDatabaseAndWriterZonesDiffer() throws Exception {
        upstreamWrites("INSERT INTO proof_compression_jobs_fri (l1_batch_number, status, created_at, updated_at)"
                + " VALUES (7, 'successful', NOW(), NOW() - INTERVAL '90 seconds')");
        try (HikariDataSource pool = DataSources.create(db.databaseConfig(2))) {
            Duration age = new PostgresProverDatabase(pool).oldestUnsentProofAge().orElseThrow();

            assertThat(age).isBetween(Duration.ofSeconds(85), Duration.ofSeconds(120));
        }
    }

    @Test
    void rowsTheGatewayWritesCarryTheSameClockAsUpstreamRows() throws Exception {
        try (HikariDataSource pool = DataSources.create(db.databaseConfig(2))) {
            new PostgresProverDatabase(pool).saveWitnessInputs(3, "witness_inputs_3.bin", new ProtocolVersion(28, 0),
                    Bytes32.fromHex("0x" + "00".repeat(32)));
        }
        double skew = upstreamReads("SELECT EXTRACT(EPOCH FROM (LOCALTIMESTAMP - created_at))"
                + " FROM witness_inputs_fri WHERE l1_batch_number = 3");
        assertThat(skew).isBetween(-5.0, 30.0);
    }

    /** Like an upstream (sqlx) session: time zone UTC. */
    private void upstreamWrites(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            s.execute(sql);
        }
    }

    private double upstreamReads(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            try (ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getDouble(1);
            }
        }
    }
}
