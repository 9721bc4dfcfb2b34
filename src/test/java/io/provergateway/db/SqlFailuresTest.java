package io.provergateway.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08000", "08001", "08006", "57P01", "57P02", "57P03", "40001", "40P01", "53300"})
    void connectionShutdownSerializationAndResourceStates_areRetriable(String state) {
        assertThat(SqlFailures.classify("op", new SQLException("x", state)).retriable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23503", "42P01", "42703", "22001", "P0001"})
    void constraintSyntaxAndDataStates_areNotRetriable(String state) {
        assertThat(SqlFailures.classify("op", new SQLException("x", state)).retriable()).isFalse();
    }

    @Test
    void poolAcquireTimeout_isRetriable() {
        assertThat(SqlFailures.isRetriable(new SQLTransientConnectionException("timed out after 30000ms"))).isTrue();
    }

    @Test
    void messageNamesTheOperationAndState() {
        DatabaseException e = SqlFailures.classify("save witness inputs of batch 42",
                new SQLException("duplicate key", "23505"));

        assertThat(e).hasMessage("save witness inputs of batch 42 failed: duplicate key (SQLState 23505)");
    }

    @Test
    void messageCarriesTheDriverReason_whenThePoolTimesOut() {
        SQLException driver = new SQLException("FATAL: password authentication failed for user \"gw\"", "28P01");
        SQLException pool = new SQLTransientConnectionException(
                "prover-gateway - Connection is not available, request timed out after 30001ms", "28P01", driver);

        assertThat(SqlFailures.classify("check the prover database schema", pool).getMessage())
                .endsWith("(SQLState 28P01): FATAL: password authentication failed for user \"gw\"");
    }
}
