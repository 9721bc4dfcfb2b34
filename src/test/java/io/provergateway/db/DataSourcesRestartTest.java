package io.provergateway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.provergateway.config.DatabaseConfig;
import io.provergateway.config.PostgresUrl;
import io.provergateway.config.Secret;
import io.provergateway.testsupport.RestartablePostgres;
import io.provergateway.testsupport.TestDatabase;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataSourcesRestartTest {

    @Test
    void poolRecoversAfterPostgresRestart_withoutBeingRecreated() {
        try (RestartablePostgres postgres = new RestartablePostgres()) {
            TestDatabase database = postgres.createDatabase("restart_test");
            SchemaInstaller.install(database.dataSource());
            HikariConfig config = DataSources.hikariConfig(database.databaseConfig(2));
            config.setConnectionTimeout(1000);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                PostgresProverDatabase db = new PostgresProverDatabase(pool);
                assertThat(db.oldestUnsentProofAge()).isEmpty();

                postgres.stop();
                assertThatThrownBy(db::oldestUnsentProofAge)
                        .isInstanceOf(DatabaseException.class)
                        .satisfies(e -> assertThat(((DatabaseException) e).retriable()).isTrue());

                postgres.start();
                assertThat(db.oldestUnsentProofAge()).isEmpty();
                assertThat(pool.isClosed()).isFalse();
            }
        }
    }

    @Test
    void poolStartsWhileTheDatabaseIsDown() {
        try (RestartablePostgres postgres = new RestartablePostgres()) {
            TestDatabase database = postgres.createDatabase("late_start");
            SchemaInstaller.install(database.dataSource());
            postgres.stop();
            HikariConfig config = DataSources.hikariConfig(database.databaseConfig(1));
            config.setConnectionTimeout(1000);

            try (HikariDataSource pool = new HikariDataSource(config)) {
                postgres.start();
                SchemaCheck.verify(pool);
            }
        }
    }

    @Test
    void poolSettingsFollowTheConfig() {
        HikariConfig config = DataSources.hikariConfig(new DatabaseConfig(new PostgresUrl(
                "jdbc:postgresql://db.example:5432/prover", Optional.of("gateway"), Optional.of(new Secret("pw"))), 7));

        assertThat(config.getPoolName()).isEqualTo("prover-gateway");
        assertThat(config.getMaximumPoolSize()).isEqualTo(7);
        assertThat(config.getConnectionTimeout()).isEqualTo(30_000);
        assertThat(config.getInitializationFailTimeout()).isNegative();
        assertThat(config.getJdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/prover");
        assertThat(config.getUsername()).isEqualTo("gateway");
        assertThat(config.getPassword()).isEqualTo("pw");
        assertThat(config.isAutoCommit()).isTrue();
    }
}
