package io.provergateway;

import io.provergateway.config.ConfigReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code check-config}: loads and validates the configuration exactly as a run would, prints it with secrets masked. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate the configuration and print it (secrets masked).")
final class CheckConfigCommand implements Callable<Integer> {

    @Option(names = "--config-path", description = "Upstream general YAML; default: environment")
    Path configPath;

    @Option(names = "--secrets-path", description = "Upstream secrets YAML; default: environment")
    Path secretsPath;

    @Override
    public Integer call() {
        System.out.println(ConfigReport.render(Main.load(configPath, secretsPath)));
        return 0;
    }
}
