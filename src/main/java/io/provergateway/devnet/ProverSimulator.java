package io.provergateway.devnet;

import io.provergateway.devnet.ProverJobsPostgres.WitnessJob;
import io.provergateway.store.BlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.wire.L1BatchProof;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.WitnessInputCodec;
import io.provergateway.wire.WitnessInputData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for witness generator → circuit prover → compressor: takes queued {@code witness_inputs_fri} rows as
 * the witness generator does, checks the witness blob decodes, and after a delay writes a well-formed compressed
 * proof ({@code proofs_fri/l1_batch_proof_{n}_{v}.bin}) and a {@code successful} compression job, or a
 * {@code skipped} one for a share of batches.
 */
public final class ProverSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProverSimulator.class);

    /**
     * @param seed decides the proof and its coords: it must equal the core's seed for proofs to be accepted
     * @param delay time from taking a witness job to writing its proof
     * @param skipShare share of batches (0 to 1) finished as {@code skipped}
     */
    public record Settings(long seed, Duration delay, double skipShare, Duration pollInterval, BatchEvents events) {
        public Settings {
            if (skipShare < 0 || skipShare > 1) {
                throw new IllegalArgumentException("skip share must be between 0 and 1, got " + skipShare);
            }
        }

        public static Settings defaults() {
            return new Settings(1, Duration.ofMillis(200), 0, Duration.ofMillis(200), BatchEvents.NONE);
        }

        public Settings withSeed(long value) {
            return new Settings(value, delay, skipShare, pollInterval, events);
        }

        public Settings withDelay(Duration value) {
            return new Settings(seed, value, skipShare, pollInterval, events);
        }

        public Settings withSkipShare(double value) {
            return new Settings(seed, delay, value, pollInterval, events);
        }

        public Settings withEvents(BatchEvents value) {
            return new Settings(seed, delay, skipShare, pollInterval, value);
        }
    }

    private final ProverJobsPostgres jobs;
    private final BlobStore store;
    private final Settings settings;
    private final ProofGenerator proofs;
    private final SimulatorLoop loop = new SimulatorLoop("prover-sim", log);
    private final Set<Long> proven = Collections.synchronizedSet(new TreeSet<>());
    private final Map<Long, String> failed = Collections.synchronizedMap(new TreeMap<>());

    public ProverSimulator(DataSource proverDb, BlobStore store, Settings settings) {
        this.jobs = new ProverJobsPostgres(proverDb);
        this.store = store;
        this.settings = settings;
        this.proofs = new ProofGenerator(settings.seed());
    }

    /** Runs {@link #runOnce()} on a background thread until {@link #close()}. */
    public synchronized ProverSimulator start() {
        loop.start(this::runOnce, settings.pollInterval());
        log.info("prover-sim started delay={} skipShare={}", settings.delay(), settings.skipShare());
        return this;
    }

    /** Takes and finishes one witness job; false if none was queued. */
    public boolean runOnce() {
        Optional<WitnessJob> job = jobs.claimNext();
        if (job.isEmpty()) {
            return false;
        }
        long n = job.get().l1BatchNumber();
        Optional<String> problem = checkWitness(n);
        if (problem.isPresent()) {
            jobs.markFailed(n, problem.get());
            failed.put(n, problem.get());
            log.error("prover-sim failed batch={} error={}", n, problem.get());
            settings.events().failed(n, problem.get());
            return true;
        }
        if (loop.pauseUnlessStopped(settings.delay())) {
            return true;
        }
        finish(job.get());
        return true;
    }

    /** Batches whose witness decoded and whose compression job was written. */
    public Set<Long> provenBatches() {
        synchronized (proven) {
            return Set.copyOf(proven);
        }
    }

    /** Batches whose witness job failed, with the error stored in the row. */
    public Map<Long, String> failedBatches() {
        synchronized (failed) {
            return Map.copyOf(failed);
        }
    }

    /** Reads the blob by batch number, as the witness generator does, and decodes it. */
    private Optional<String> checkWitness(long n) {
        try (InputStream in = store.open(ObjectKeys.WITNESS_INPUTS, ObjectKeys.witnessInputs(n))) {
            WitnessInputData data = WitnessInputCodec.readBincode(in.readAllBytes());
            if (data.vmRunData().l1BatchNumber() != n) {
                return Optional.of("witness blob is for batch " + data.vmRunData().l1BatchNumber() + ", not " + n);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("witness blob of batch " + n + " unusable: " + e);
        }
    }

    private void finish(WitnessJob job) {
        long n = job.l1BatchNumber();
        boolean skip = new SplittableRandom(settings.seed() * 31 + n).nextDouble() < settings.skipShare();
        long bytes = 0;
        Optional<String> key = Optional.empty();
        if (!skip) {
            L1BatchProof proof = proofs.generate(n, job.protocolVersion());
            key = Optional.of(ObjectKeys.l1BatchProof(n, job.protocolVersion()));
            bytes = storeProof(key.get(), proof);
        }
        jobs.complete(job, key);
        proven.add(n);
        log.info("prover-sim proved batch={} skipped={} key={}", n, skip, key.orElse("-"));
        settings.events().proven(n, skip, bytes);
    }

    /** Blob first, under its deterministic key; then the caller writes the rows. */
    private long storeProof(String key, L1BatchProof proof) {
        try {
            Path file = Files.createTempFile("prover-sim-", ".bin");
            try {
                try (OutputStream out = Files.newOutputStream(file)) {
                    ProofCodec.writeBincode(proof, out);
                }
                store.put(ObjectKeys.PROOFS_FRI, key, file);
                return Files.size(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("prover-sim cannot write proof " + key, e);
        }
    }

    @Override
    public void close() {
        loop.close();
        log.info("prover-sim stopped");
    }
}
