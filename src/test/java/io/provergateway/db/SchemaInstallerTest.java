package io.provergateway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaInstallerTest {
    /** The pg_dump of upstream's migrations, kept next to the worktrees (relative to the Maven basedir). */
    private static final Path UPSTREAM_SCHEMA = Path.of(System.getProperty("basedir", "."))
            .resolve("../shared/spec/gateway-schema.sql").normalize();

    private static final List<String> CATALOG_QUERIES = List.of(
            """
            SELECT table_name, ordinal_position, column_name, data_type, is_nullable, column_default
            FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2""",
            """
            SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2""",
            """
            SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2""",
            """
            SELECT c.relname, d.objsubid, d.description FROM pg_description d
            JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
            WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1, 2""");

    @Test
    void installedCatalogEqualsTheUpstreamSchema() throws IOException {
        assumeTrue(Files.isRegularFile(UPSTREAM_SCHEMA),
                "upstream schema dump " + UPSTREAM_SCHEMA + " not found; skipping the catalog comparison");
        TestDatabase ours = TestPostgres.freshDatabase();
        TestDatabase upstream = TestPostgres.emptyDatabase();
        new ProverRows(upstream.dataSource()).execute(Files.readString(UPSTREAM_SCHEMA));

        for (String query : CATALOG_QUERIES) {
            List<List<String>> expected = new ProverRows(upstream.dataSource()).rows(query);
            assertThat(expected).as("upstream catalog for %s", query).isNotEmpty();
            assertThat(new ProverRows(ours.dataSource()).rows(query)).as(query).isEqualTo(expected);
        }
    }

    @Test
    void installingOverExistingTables_failsClearly_andChangesNothing() {
        TestDatabase database = TestPostgres.emptyDatabase();
        ProverRows rows = new ProverRows(database.dataSource());
        rows.execute("CREATE TABLE witness_inputs_fri (l1_batch_number bigint)");

        assertThatThrownBy(() -> SchemaInstaller.install(database.dataSource()))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("witness_inputs_fri already exist");
        assertThat(rows.rows("SELECT relname FROM pg_class WHERE relkind = 'r'"
                + " AND relnamespace = 'public'::regnamespace")).containsExactly(List.of("witness_inputs_fri"));
    }

    @Test
    void secondInstall_isRejected() {
        TestDatabase database = TestPostgres.freshDatabase();

        assertThatThrownBy(() -> SchemaInstaller.install(database.dataSource()))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("proof_compression_jobs_fri, prover_fri_protocol_versions, witness_inputs_fri");
    }

    @Test
    void aFailingStatement_leavesNoTableBehind() {
        TestDatabase database = TestPostgres.emptyDatabase();
        ProverRows rows = new ProverRows(database.dataSource());
        // An index name the DDL creates late: its CREATE INDEX fails after all tables were created.
        rows.execute("CREATE TABLE idx_proof_compression_jobs_fri_status_processing_attempts (x int)");

        assertThatThrownBy(() -> SchemaInstaller.install(database.dataSource()))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("install the prover schema");
        assertThat(rows.rows("SELECT relname FROM pg_class WHERE relkind = 'r'"
                + " AND relnamespace = 'public'::regnamespace"))
                .containsExactly(List.of("idx_proof_compression_jobs_fri_status_processing_attempts"));
    }
}
