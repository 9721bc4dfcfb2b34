package io.provergateway.fetcher;

import io.provergateway.api.CoreApi;
import io.provergateway.api.CoreApiException;
import io.provergateway.db.ProverDatabase;
import io.provergateway.loop.Task;
import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.store.BlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.wire.MalformedPayloadException;
import io.provergateway.wire.ProofGenerationDataTranscoder;
import io.provergateway.wire.TranscodeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one batch of proof generation data per run and stores it: the response streams into the spool as bincode,
 * is committed there, then goes to the object store ({@code witness_inputs/witness_inputs_{n}.bin}) and finally the
 * prover DB rows in one transaction. Batches left in the spool (outage, crash) are finished before fetching more.
 *
 * <p>With {@code fetchAhead} (what the gateway runs), the next batch is fetched and committed to the spool on a second
 * thread while this one goes to the store and the database, so a backlog drains at the speed of the slower half. The
 * spool is the queue between the two: the next request is sent only when the spool holds nothing but the batch being
 * stored and the last store worked, so an outage of the store or database takes at most one more batch from the core
 * (durable in the spool), and an instance that cannot store leaves new batches to the others.
 */
public final class ProofGenDataFetcher implements Task {
    private static final Logger LOG = LoggerFactory.getLogger(ProofGenDataFetcher.class);

    private final CoreApi core;
    private final WitnessSpool spool;
    private final BlobStore store;
    private final ProverDatabase database;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final ProofGenerationDataTranscoder transcoder = new ProofGenerationDataTranscoder();
    private final Executor ahead;
    /** The batch the last fetch committed, to report its download time when it is stored. */
    private Fetched lastFetched;
    private boolean lastStoreFailed;

    /** One batch at a time: each run fetches, commits and stores one batch before it returns. */
    public ProofGenDataFetcher(CoreApi core, WitnessSpool spool, BlobStore store, ProverDatabase database,
            GatewayMetrics metrics, Clock clock) {
        this(core, spool, store, database, metrics, clock, false);
    }

    public ProofGenDataFetcher(CoreApi core, WitnessSpool spool, BlobStore store, ProverDatabase database,
            GatewayMetrics metrics, Clock clock, boolean fetchAhead) {
        this.core = core;
        this.spool = spool;
        this.store = store;
        this.database = database;
        this.metrics = metrics;
        this.clock = clock;
        this.ahead = fetchAhead ? aheadThread() : null;
    }

    @Override
    public String name() {
        return GatewayMetrics.FETCHER;
    }

    /**
     * Stores the lowest spooled batch, or fetches one and stores it. With fetch-ahead, returns false also when the
     * batch was stored but the core had nothing more (the loop then waits the poll period before asking again).
     */
    @Override
    public boolean runOnce() {
        List<SpooledBatch> pending = spool.pending();
        metrics.spoolPending(pending.size());
        if (pending.isEmpty()) {
            Optional<Fetched> fetched = fetch();
            if (fetched.isEmpty()) {
                return false;
            }
            lastFetched = fetched.get();
            pending = List.of(fetched.get().batch());
        }
        SpooledBatch batch = pending.get(0);
        Duration download = lastFetched != null && lastFetched.batch().equals(batch) ? lastFetched.download()
                : Duration.ZERO;
        lastFetched = null;
        if (ahead == null || pending.size() > 1 || lastStoreFailed) {
            persistTracked(batch, download);
            return true;
        }
        return persistWhileFetchingNext(batch, download);
    }

    /** Stores {@code batch}, remembering whether it failed: after a failure nothing is fetched ahead until one works. */
    private void persistTracked(SpooledBatch batch, Duration download) {
        lastStoreFailed = true;
        persist(batch, download);
        lastStoreFailed = false;
    }

    /** Stores {@code batch} here while the next one is fetched on the other thread; fails if either failed. */
    private boolean persistWhileFetchingNext(SpooledBatch batch, Duration download) {
        CompletableFuture<Optional<Fetched>> next = CompletableFuture.supplyAsync(this::fetch, ahead);
        RuntimeException failure = null;
        try {
            persistTracked(batch, download);
        } catch (RuntimeException e) {
            failure = e;
        }
        Optional<Fetched> fetched = Optional.empty();
        try {
            fetched = next.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
            if (failure == null) {
                failure = cause;
            } else {
                failure.addSuppressed(cause);
            }
        }
        if (failure != null) {
            throw failure;
        }
        lastFetched = fetched.orElse(null);
        return fetched.isPresent();
    }

    /** Asks the core for one batch; a batch it hands out is committed to the spool before this returns. */
    private Optional<Fetched> fetch() {
        Path received = createIncoming();
        Instant started = clock.instant();
        try {
            TranscodeResult result = core.fetchProofGenerationData(body -> transcoder.transcode(body, received));
            Duration download = Duration.between(started, clock.instant());
            if (result instanceof TranscodeResult.Batch batch) {
                return Optional.of(new Fetched(commit(received, batch, download), download));
            }
            spool.discard(received);
            if (result instanceof TranscodeResult.CoreError error) {
                metrics.coreReportedError(name());
                LOG.error("core answered an error to proof_generation_data message=\"{}\"", error.message());
            } else {
                LOG.debug("There are currently no pending batches to be proven");
            }
            return Optional.empty();
        } catch (MalformedPayloadException e) {
            spool.discard(received);
            metrics.httpError(name());
            metrics.payloadRejected("malformed");
            LOG.error("rejected proof generation data, nothing stored: {}", e.getMessage());
            return Optional.empty();
        } catch (CoreApiException e) {
            spool.discard(received);
            metrics.httpError(name());
            if (e.kind().equals("too_large") || e.kind().equals("bad_reply")) {
                metrics.payloadRejected(e.kind());
            }
            throw e;
        } catch (RuntimeException e) {
            spool.discard(received);
            throw e;
        }
    }

    private SpooledBatch commit(Path received, TranscodeResult.Batch batch, Duration download) {
        for (TranscodeResult.Suspicion suspicion : batch.suspicions()) {
            metrics.payloadSuspicious(suspicion.reason());
            LOG.warn("suspicious proof generation data accepted as upstream accepts it l1_batch_number={} "
                    + "reason={}: {}", batch.l1BatchNumber(), suspicion.reason(), suspicion.detail());
        }
        SpooledBatch spooled = spool.commit(received, batch.l1BatchNumber(), batch.protocolVersion(),
                batch.snarkWrapperVkHash());
        LOG.info("batch received l1_batch_number={} protocol_version={} bytes={} download_ms={}",
                batch.l1BatchNumber(), batch.protocolVersion(), batch.bincodeBytes(), download.toMillis());
        metrics.spoolPending(1);
        return spooled;
    }

    private void persist(SpooledBatch batch, Duration download) {
        Instant started = clock.instant();
        String key = ObjectKeys.witnessInputs(batch.l1BatchNumber());
        long bytes = size(batch.file());
        store.put(ObjectKeys.WITNESS_INPUTS, key, batch.file());
        boolean inserted = database.saveWitnessInputs(batch.l1BatchNumber(), key, batch.protocolVersion(),
                batch.snarkWrapperVkHash());
        spool.remove(batch);
        Duration persist = Duration.between(started, clock.instant());
        metrics.batchStored(bytes, download, persist);
        metrics.spoolPending(spool.pending().size());
        LOG.info("batch stored l1_batch_number={} key={}/{} bytes={} new_row={} persist_ms={}", batch.l1BatchNumber(),
                ObjectKeys.WITNESS_INPUTS, key, bytes, inserted, persist.toMillis());
    }

    /**
     * The file to receive the next payload into, created before the core is asked: a spool that cannot take a file
     * (disk full, broken, read-only) fails here as a local I/O failure, and the core does not hand out a batch that
     * could not be kept.
     */
    private Path createIncoming() {
        Path received = spool.newIncomingFile();
        try {
            Files.createFile(received);
            return received;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("spool cannot take a new payload at " + received + ": " + e, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read spooled batch " + file, e);
        }
    }

    /** The fetch-ahead thread: one daemon thread, gone after 30 s without work. */
    private static Executor aheadThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "fetch-ahead");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** A batch committed to the spool, and how long its download took. */
    private record Fetched(SpooledBatch batch, Duration download) {}
}
