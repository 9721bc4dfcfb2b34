package io.provergateway.ops;

import io.provergateway.db.DatabaseException;
import io.provergateway.db.SchemaCheck;
import io.provergateway.db.SchemaDialect;
import io.provergateway.db.SchemaMismatchException;
import io.provergateway.db.SchemaProfileMismatchException;
import io.provergateway.metrics.Readiness;
import io.provergateway.store.BlobNotFoundException;
import io.provergateway.store.BlobStore;
import io.provergateway.store.ObjectKeys;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@code /ready}: the prover DB answers with the expected schema ({@code database} / {@code schema}) and the object
 * store answers a read of a key that does not exist with "not found" ({@code object_store}). Problems reported by
 * the loops (e.g. the core is down) are warnings only: readiness gates traffic to this pod, and a core outage is
 * not fixed by sending it elsewhere.
 */
public final class ReadinessProbe implements Readiness.Check {
    /** A key no gateway writes; reading it proves the bucket and the credentials. */
    public static final String PROBE_KEY = "prover_gateway_readiness_probe.bin";
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final TimedProbe database;
    private final TimedProbe store;
    private final Supplier<Optional<String>> warnings;

    public ReadinessProbe(DataSource dataSource, BlobStore blobStore, Supplier<Optional<String>> warnings) {
        this(dataSource, blobStore, SchemaDialect.V25_4, warnings);
    }

    /** @param dialect the schema the profile's SQL needs (pull: core-v25.4.0; push: the chain-id schema) */
    public ReadinessProbe(DataSource dataSource, BlobStore blobStore, SchemaDialect dialect,
            Supplier<Optional<String>> warnings) {
        this.database = new TimedProbe("database", () -> checkDatabase(dataSource, dialect), TIMEOUT);
        this.store = new TimedProbe("object_store", () -> checkStore(blobStore), TIMEOUT);
        this.warnings = warnings;
    }

    @Override
    public Readiness check() {
        List<String> reasons = new ArrayList<>();
        database.run().ifPresent(reasons::add);
        store.run().ifPresent(reasons::add);
        return new Readiness(reasons, warnings.get().stream().toList());
    }

    /** Empty when the schema is complete, else a {@code database: …} or {@code schema: …} reason. */
    static Optional<String> checkDatabase(DataSource dataSource, SchemaDialect dialect) {
        try {
            SchemaCheck.verify(dataSource, dialect);
            return Optional.empty();
        } catch (SchemaMismatchException | SchemaProfileMismatchException e) {
            return Optional.of("schema: " + e.getMessage());
        } catch (DatabaseException e) {
            return Optional.of("database: " + e.getMessage());
        }
    }

    /** Empty when a read of {@link #PROBE_KEY} says "not found" (or finds it); otherwise the store's error. */
    static Optional<String> checkStore(BlobStore blobStore) {
        try (InputStream in = blobStore.open(ObjectKeys.WITNESS_INPUTS, PROBE_KEY)) {
            return Optional.empty();
        } catch (BlobNotFoundException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("object_store: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }
}
