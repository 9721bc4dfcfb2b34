package io.provergateway;

import io.provergateway.config.ConfigLoader;
import io.provergateway.config.DatabaseConfig;
import io.provergateway.db.DataSources;
import io.provergateway.config.ApiMode;
import io.provergateway.db.SchemaDialect;
import io.provergateway.db.SchemaInstaller;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code init-schema}: creates the upstream prover-DB tables the gateway uses in an empty database. Needs only the
 * database URL, so it works before anything else is configured.
 */
@Command(name = "init-schema", mixinStandardHelpOptions = true,
        description = "Create the upstream prover-DB schema (gateway tables) in an empty database.")
final class InitSchemaCommand implements Callable<Integer> {

    @Option(names = "--secrets-path", description = "Upstream secrets YAML; default: DATABASE_PROVER_URL / DATABASE_URL")
    Path secretsPath;

    @Option(names = "--api-mode", defaultValue = "Legacy", paramLabel = "MODE",
            description = "Legacy (the 25.4 schema, default) or ProverCluster (the chain-id schema of upstream HEAD).")
    String apiMode;

    @Override
    public Integer call() {
        SchemaDialect dialect = SchemaDialect.of(ApiMode.parse("--api-mode", apiMode));
        DatabaseConfig database = ConfigLoader.databaseOnly(Optional.ofNullable(secretsPath), System.getenv());
        try (var dataSource = DataSources.create(new DatabaseConfig(database.url(), 1))) {
            SchemaInstaller.install(dataSource, dialect);
        }
        System.out.println("prover schema (" + dialect.description() + ") created at " + database.url());
        return 0;
    }
}
