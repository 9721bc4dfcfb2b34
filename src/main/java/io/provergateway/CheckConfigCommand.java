package io.provergateway;

import io.provergateway.config.ConfigReport;
import io.provergateway.config.GatewayConfig;
import io.provergateway.ops.ConfigCheck;
import io.provergateway.ops.LogSetup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code check-config}: loads and validates the configuration exactly as a run would, prints it with secrets masked,
 * then probes the database, the object store and the core (one line each). Exit 0 only when every probe passes.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate and print the configuration (secrets masked), then probe database, store and core.")
final class CheckConfigCommand implements Callable<Integer> {

    @Option(names = "--config-path", description = "Upstream general YAML; default: environment")
    Path configPath;

    @Option(names = "--secrets-path", description = "Upstream secrets YAML; default: environment")
    Path secretsPath;

    @Override
    public Integer call() {
        GatewayConfig config = Main.load(configPath, secretsPath);
        LogSetup.apply(System.getenv(), config.logFormat(), true);
        System.out.println(ConfigReport.render(config, System.getenv()));
        return ConfigCheck.probe(config, System.out) ? 0 : Main.STARTUP_FAILURE;
    }
}
