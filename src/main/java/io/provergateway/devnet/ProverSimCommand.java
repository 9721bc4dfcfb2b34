package io.provergateway.devnet;

import com.zaxxer.hikari.HikariDataSource;
import io.provergateway.config.ConfigException;
import io.provergateway.config.DatabaseConfig;
import io.provergateway.config.PostgresUrl;
import io.provergateway.db.DataSources;
import io.provergateway.store.FileBlobStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prover-sim}: the prover simulator on its own, on the database and file-backed store named by the upstream
 * environment variables. Runs until stopped.
 */
@Command(name = "prover-sim", mixinStandardHelpOptions = true,
        description = "Prove queued witness_inputs_fri jobs with generated proofs, using DATABASE_PROVER_URL "
                + "(or DATABASE_URL) and PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH, until stopped.")
public final class ProverSimCommand implements Callable<Integer> {
    static final String STORE_ENV = "PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH";

    @Option(names = "--delay-ms", defaultValue = "200",
            description = "Time from taking a witness job to writing its proof (default: ${DEFAULT-VALUE}).")
    long delayMs;

    @Option(names = "--skip-share", defaultValue = "0",
            description = "Share of batches (0 to 1) finished as skipped (default: ${DEFAULT-VALUE}).")
    double skipShare;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the proofs; must match the core's for them to be accepted (default: ${DEFAULT-VALUE}).")
    long seed;

    private final Map<String, String> env;

    public ProverSimCommand() {
        this(System.getenv());
    }

    ProverSimCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        String url = Optional.ofNullable(env.get("DATABASE_PROVER_URL")).or(() -> Optional.ofNullable(env.get("DATABASE_URL")))
                .orElseThrow(() -> new ConfigException("DATABASE_PROVER_URL (or DATABASE_URL) is not set"));
        Path storeBase = Optional.ofNullable(env.get(STORE_ENV)).map(Path::of)
                .orElseThrow(() -> new ConfigException(STORE_ENV + " is not set"));
        HikariDataSource db = DataSources.create(new DatabaseConfig(PostgresUrl.parse(url), 2));
        ProverSimulator prover = new ProverSimulator(db, new FileBlobStore(storeBase), ProverSimulator.Settings.defaults()
                .withSeed(seed)
                .withDelay(Duration.ofMillis(delayMs))
                .withSkipShare(skipShare)).start();
        System.out.println("prover-sim proving queued batches from " + PostgresUrl.parse(url) + " with blobs under "
                + storeBase + "; Ctrl-C stops");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            prover.close();
            db.close();
            stopped.countDown();
        }, "prover-sim-shutdown"));
        stopped.await();
        return 0;
    }
}
