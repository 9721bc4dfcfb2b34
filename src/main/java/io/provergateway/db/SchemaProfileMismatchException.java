package io.provergateway.db;

import io.provergateway.config.ConfigException;

/**
 * The prover DB holds the other schema generation than the configured profile needs, e.g. the ProverCluster profile
 * on a 25.4 database. A configuration error (exit 2): the operator picked the wrong profile or the wrong database.
 */
public final class SchemaProfileMismatchException extends ConfigException {
    private static final long serialVersionUID = 1L;

    public SchemaProfileMismatchException(SchemaDialect needed, SchemaDialect found) {
        super("api mode " + (needed == SchemaDialect.V25_4 ? "Legacy" : "ProverCluster")
                + " (FRI_PROVER_GATEWAY_API_MODE / prover_gateway.api_mode) needs " + needed.description()
                + ", but the prover database has " + found.description() + "; set the api mode to "
                + (found == SchemaDialect.V25_4 ? "Legacy" : "ProverCluster") + " or point the gateway at the "
                + "right database");
    }
}
