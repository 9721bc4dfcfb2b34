package io.provergateway;

import io.provergateway.bench.BenchCommand;
import io.provergateway.config.ConfigException;
import io.provergateway.config.ConfigLoader;
import io.provergateway.config.GatewayConfig;
import io.provergateway.config.SettingNames;
import io.provergateway.devnet.CoreSimCommand;
import io.provergateway.devnet.DevnetCommand;
import io.provergateway.devnet.ProverSimCommand;
import io.provergateway.loop.StopSignal;
import io.provergateway.ops.InspectCommand;
import io.provergateway.ops.LogSetup;
import io.provergateway.ops.RequeueProofCommand;
import io.provergateway.ops.StatusCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line. Without a subcommand it runs the gateway exactly like {@code zksync_prover_fri_gateway}:
 * configuration from the upstream environment variables, or from the upstream YAML files given with
 * {@code --config-path} / {@code --secrets-path}. Exit codes: 0 stopped by a signal, 1 start-up failure or a fatal
 * condition, 2 configuration error.
 */
@Command(name = "prover-gateway", mixinStandardHelpOptions = true, version = "prover-gateway 0.1.0",
        description = "Moves proof generation data from the core to the prover and proofs back.",
        subcommands = {InitSchemaCommand.class, CheckConfigCommand.class, DevnetCommand.class, CoreSimCommand.class,
                ProverSimCommand.class, BenchCommand.class, StatusCommand.class, RequeueProofCommand.class,
                InspectCommand.class})
public final class Main implements Callable<Integer> {
    static final int CONFIG_ERROR = 2;
    static final int STARTUP_FAILURE = 1;
    private static final String NODELAY = "sun.net.httpserver.nodelay";
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Option(names = "--config-path", description = "Upstream general YAML (e.g. general.yaml); default: environment")
    Path configPath;

    @Option(names = "--secrets-path", description = "Upstream secrets YAML (database.prover_url); default: environment")
    Path secretsPath;

    public static void main(String[] args) {
        noNagleInHttpServers();
        System.exit(run(args));
    }

    /**
     * The JDK's {@code HttpServer} (push server, metrics listener, simulators) writes a response's headers and body in
     * separate packets and leaves Nagle's algorithm on unless told: every small answer (the push route's {@code null},
     * a simulator's reply) then waits for the peer's delayed ACK, about 40 ms on Linux. Read once, when the first
     * server of this JVM is created; an explicit {@code -Dsun.net.httpserver.nodelay=false} still wins.
     */
    public static void noNagleInHttpServers() {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> reportFailure(e));
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        GatewayConfig config = load(configPath, secretsPath);
        LogSetup.apply(System.getenv(), config.logFormat());
        StopSignal stop = new StopSignal();
        SignalTrap.install(stop::stop);
        try (Gateway gateway = startNamingYamlKeys(config, stop)) {
            while (!stop.await(Duration.ofSeconds(1))) {
                if (gateway.died().isDone()) {
                    LOG.error("unrecoverable: {}", gateway.died().join());
                    return STARTUP_FAILURE;
                }
            }
        }
        return 0;
    }

    /** Problems found while starting name their setting as written: the YAML path when YAML was used. */
    private Gateway startNamingYamlKeys(GatewayConfig config, StopSignal stop) {
        try {
            return Gateway.start(config, stop);
        } catch (ConfigException e) {
            throw configPath == null ? e : new ConfigException(SettingNames.asYaml(e.getMessage(), config), e);
        }
    }

    /** The upstream rule: YAML files when given, the environment otherwise (also for secrets alone). */
    static GatewayConfig load(Path configPath, Path secretsPath) {
        if (configPath != null) {
            return ConfigLoader.fromYaml(configPath, Optional.ofNullable(secretsPath), System.getenv());
        }
        return ConfigLoader.fromEnvironment(System.getenv(), Optional.ofNullable(secretsPath));
    }

    private static int reportFailure(Exception e) {
        if (e instanceof ConfigException) {
            System.err.println("prover-gateway: configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        }
        System.err.println("prover-gateway: start-up failed: " + e);
        LOG.debug("start-up failure", e);
        return STARTUP_FAILURE;
    }
}
