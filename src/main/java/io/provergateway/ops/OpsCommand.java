package io.provergateway.ops;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.provergateway.config.ConfigException;
import io.provergateway.config.ConfigLoader;
import io.provergateway.config.GatewayConfig;
import io.provergateway.db.DataSources;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * Base of the operator commands: the daemon's configuration (env, or {@code --config-path}/{@code --secrets-path},
 * loaded exactly as a run loads it), a small database pool, and one failure rule: anything but a configuration error
 * is one line on stderr and exit code 1.
 */
abstract class OpsCommand implements Callable<Integer> {
    static final int FAILED = 1;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    @Option(names = "--config-path", description = "Upstream general YAML; default: environment")
    Path configPath;

    @Option(names = "--secrets-path", description = "Upstream secrets YAML; default: environment")
    Path secretsPath;

    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;

    OpsCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** The command's work; returns the exit code. */
    abstract int run(GatewayConfig config);

    abstract String name();

    @Override
    public Integer call() {
        GatewayConfig config = configPath != null
                ? ConfigLoader.fromYaml(configPath, Optional.ofNullable(secretsPath), env)
                : ConfigLoader.fromEnvironment(env, Optional.ofNullable(secretsPath));
        LogSetup.apply(env, config.logFormat(), true);
        try {
            return run(config);
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            err.println("prover-gateway " + name() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return FAILED;
        } finally {
            out.flush();
        }
    }

    /** A pool of at most two connections that gives up after 10 s (the daemon's waits 30 s). */
    static HikariDataSource dataSource(GatewayConfig config) {
        HikariConfig hikari = DataSources.hikariConfig(config.database());
        hikari.setMaximumPoolSize(2);
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        hikari.setPoolName(DataSources.POOL_NAME + "-cli");
        return new HikariDataSource(hikari);
    }
}
