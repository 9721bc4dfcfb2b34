package io.provergateway.push;

import io.provergateway.config.GatewayConfig;
import io.provergateway.db.PostgresPushProverDatabase;
import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.store.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that differs in the ProverCluster profile, assembled in one place: the transport (an HTTP server the
 * core calls instead of a client polling it), the object codec (ciborium CBOR under chain-id keys, via
 * {@code wire.PushRequestTranscoder} and {@code wire.ProofCbor}) and the SQL dialect (the chain-id schema,
 * {@link PostgresPushProverDatabase}). Store, metrics, failure classification and lifecycle are the shared ones.
 */
public final class PushTransport {
    private static final Logger LOG = LoggerFactory.getLogger(PushTransport.class);
    private static final Duration STALE_AGE = Duration.ofHours(1);

    private PushTransport() {}

    /** Starts serving {@code config.pushServer()}; the caller closes the returned server (graceful stop). */
    public static PushServer start(GatewayConfig config, DataSource dataSource, BlobStore store,
            GatewayMetrics metrics, Clock clock) {
        PostgresPushProverDatabase database = new PostgresPushProverDatabase(dataSource);
        Path workDir = config.spoolPath().resolve("push");
        removeLeftovers(workDir);
        SubmitRoute submit = new SubmitRoute(store, database, metrics, clock, workDir);
        PollRoute poll = new PollRoute(store, database);
        return new PushServer(config.pushServer().orElseThrow(() -> new IllegalArgumentException(
                "the ProverCluster profile needs prover_gateway.port")), submit, poll, metrics,
                config.recovery().shutdownGrace(), config.api().requestTimeout()).start();
    }

    /**
     * Temp files of bodies a previous process was receiving when it died; nothing refers to them. Only old ones go,
     * so an instance sharing the directory keeps the bodies it is receiving.
     */
    private static void removeLeftovers(Path workDir) {
        try {
            Files.createDirectories(workDir);
            int removed = 0;
            Instant cutoff = Instant.now().minus(STALE_AGE);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(workDir)) {
                for (Path file : files) {
                    if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
                            && Files.deleteIfExists(file)) {
                        removed++;
                    }
                }
            }
            if (removed > 0) {
                LOG.warn("push_temp_files_removed dir={} count={} (left by an interrupted request)", workDir, removed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the push work directory " + workDir, e);
        }
    }
}
