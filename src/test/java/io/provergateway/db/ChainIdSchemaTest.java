package io.provergateway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.provergateway.config.ConfigException;
import io.provergateway.testsupport.ChainIdSchema;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainIdSchemaTest {
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
    void installedChainIdCatalog_equalsUpstreamHeadsDump() throws IOException {
        assumeTrue(Files.isRegularFile(ChainIdSchema.UPSTREAM_DDL),
                ChainIdSchema.UPSTREAM_DDL + " not found; skipping the catalog comparison");
        TestDatabase ours = TestPostgres.emptyDatabase();
        SchemaInstaller.install(ours.dataSource(), SchemaDialect.CHAIN_ID);
        TestDatabase upstream = TestPostgres.emptyDatabase();
        ChainIdSchema.execute(upstream.dataSource(), Files.readString(ChainIdSchema.UPSTREAM_DDL));

        for (String query : CATALOG_QUERIES) {
            List<List<String>> expected = ChainIdSchema.rows(upstream.dataSource(), query);
            assertThat(expected).as("upstream catalog for %s", query).isNotEmpty();
            assertThat(ChainIdSchema.rows(ours.dataSource(), query)).as(query).isEqualTo(expected);
        }
    }

    @Test
    void chainIdCheck_passesOnTheChainIdSchema() {
        TestDatabase database = ChainIdSchema.freshDatabase();

        assertThatCode(() -> SchemaCheck.verify(database.dataSource(), SchemaDialect.CHAIN_ID))
                .doesNotThrowAnyException();
    }

    @Test
    void legacyProfileOnTheChainIdSchema_isAConfigurationErrorNamingBoth() {
        TestDatabase database = ChainIdSchema.freshDatabase();

        assertThatThrownBy(() -> SchemaCheck.verify(database.dataSource()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("api mode Legacy")
                .hasMessageContaining("has the chain-id schema")
                .hasMessageContaining("set the api mode to ProverCluster");
    }

    @Test
    void proverClusterProfileOnThe25_4Schema_isAConfigurationErrorNamingBoth() {
        TestDatabase database = TestPostgres.freshDatabase();

        assertThatThrownBy(() -> SchemaCheck.verify(database.dataSource(), SchemaDialect.CHAIN_ID))
                .isInstanceOf(SchemaProfileMismatchException.class)
                .hasMessageContaining("api mode ProverCluster")
                .hasMessageContaining("has the 25.4 schema")
                .hasMessageContaining("set the api mode to Legacy");
    }

    @Test
    void chainIdCheck_namesAMissingColumn() {
        TestDatabase database = ChainIdSchema.freshDatabase();
        ChainIdSchema.execute(database.dataSource(), "ALTER TABLE witness_inputs_fri DROP COLUMN batch_sealed_at");

        assertThatThrownBy(() -> SchemaCheck.verify(database.dataSource(), SchemaDialect.CHAIN_ID))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("column witness_inputs_fri.batch_sealed_at");
    }

    @Test
    void chainIdCheck_inAnEmptyDatabase_namesTheMissingTables() {
        TestDatabase database = TestPostgres.emptyDatabase();

        assertThatThrownBy(() -> SchemaCheck.verify(database.dataSource(), SchemaDialect.CHAIN_ID))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("table witness_inputs_fri");
    }
}
