package io.provergateway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {

    @Test
    void passesOnTheInstalledSchema() {
        TestDatabase database = TestPostgres.freshDatabase();

        assertThatCode(() -> SchemaCheck.verify(database.dataSource())).doesNotThrowAnyException();
    }

    @Test
    void namesEachDroppedColumn() {
        TestDatabase database = TestPostgres.freshDatabase();
        ProverRows rows = new ProverRows(database.dataSource());
        rows.execute("ALTER TABLE witness_inputs_fri DROP COLUMN witness_inputs_blob_url");
        rows.execute("ALTER TABLE proof_compression_jobs_fri DROP COLUMN updated_at");

        assertThatThrownBy(() -> SchemaCheck.verify(database.dataSource()))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("column witness_inputs_fri.witness_inputs_blob_url")
                .hasMessageContaining("column proof_compression_jobs_fri.updated_at")
                .satisfies(e -> assertThat(((SchemaMismatchException) e).missing()).containsExactly(
                        "column witness_inputs_fri.witness_inputs_blob_url",
                        "column proof_compression_jobs_fri.updated_at"));
    }

    @Test
    void namesMissingTablesInAnEmptyDatabase() {
        TestDatabase database = TestPostgres.emptyDatabase();

        assertThatThrownBy(() -> SchemaCheck.verify(database.dataSource()))
                .isInstanceOf(SchemaMismatchException.class)
                .satisfies(e -> assertThat(((SchemaMismatchException) e).missing()).containsExactly(
                        "table prover_fri_protocol_versions", "table witness_inputs_fri",
                        "table proof_compression_jobs_fri"));
    }

    @Test
    void namesAMissingUniqueConstraintNeededByOnConflict() {
        TestDatabase database = TestPostgres.freshDatabase();
        ProverRows rows = new ProverRows(database.dataSource());
        rows.execute("ALTER TABLE witness_inputs_fri DROP CONSTRAINT witness_inputs_fri_pkey");
        rows.execute("ALTER TABLE prover_fri_protocol_versions DROP CONSTRAINT prover_fri_protocol_versions_pkey"
                + " CASCADE");
        rows.execute("ALTER TABLE prover_fri_protocol_versions ADD PRIMARY KEY (id)");

        assertThatThrownBy(() -> SchemaCheck.verify(database.dataSource()))
                .isInstanceOf(SchemaMismatchException.class)
                .satisfies(e -> assertThat(((SchemaMismatchException) e).missing()).containsExactly(
                        "unique constraint on prover_fri_protocol_versions (id, protocol_version_patch) needed by"
                                + " ON CONFLICT",
                        "unique constraint on witness_inputs_fri (l1_batch_number) needed by ON CONFLICT"));
    }

    @Test
    void acceptsAUniqueIndexInsteadOfAPrimaryKey() {
        TestDatabase database = TestPostgres.freshDatabase();
        ProverRows rows = new ProverRows(database.dataSource());
        rows.execute("ALTER TABLE witness_inputs_fri DROP CONSTRAINT witness_inputs_fri_pkey");
        rows.execute("CREATE UNIQUE INDEX witness_inputs_fri_batch ON witness_inputs_fri (l1_batch_number)");

        assertThatCode(() -> SchemaCheck.verify(database.dataSource())).doesNotThrowAnyException();
    }
}
