package io.provergateway.db;

import javax.sql.DataSource;

/** Creates the upstream prover-DB schema (the tables the gateway touches) in an empty database. */
public final class SchemaInstaller {
    private SchemaInstaller() {}

    public static void install(DataSource dataSource) {
        throw new UnsupportedOperationException("TODO");
    }
}
