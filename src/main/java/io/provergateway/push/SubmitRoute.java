package io.provergateway.push;

import io.provergateway.db.PushProverDatabase;
import io.provergateway.db.PushProverDatabase.PushedRows;
import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.store.BlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.wire.MalformedPayloadException;
import io.provergateway.wire.PushRequestTranscoder;
import io.provergateway.wire.PushedBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /submit_request_for_proofs} (push-mode spec §2.3): the body is streamed from the socket through
 * {@link PushRequestTranscoder} into a temp file, the CBOR is stored under
 * {@code witness_inputs/witness_inputs_{n}_{chain_id}.cbor} (replacing a previous push; never visible half-written),
 * then Q1 and Q2 run (a re-push changes no row). A refused body stores nothing.
 */
final class SubmitRoute {
    static final String PATH = "/submit_request_for_proofs";
    private static final Logger LOG = LoggerFactory.getLogger(SubmitRoute.class);

    private final BlobStore store;
    private final PushProverDatabase database;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final Path workDir;

    SubmitRoute(BlobStore store, PushProverDatabase database, GatewayMetrics metrics, Clock clock, Path workDir) {
        this.store = store;
        this.database = database;
        this.metrics = metrics;
        this.clock = clock;
        this.workDir = workDir;
    }

    /** Handles one body; returns normally for 200, throws {@link RequestRejected} for anything else. */
    void accept(CountingBody body) {
        long started = System.nanoTime();
        Path cbor = tempFile();
        try {
            PushedBatch batch = transcode(body, cbor);
            Duration download = Duration.ofNanos(System.nanoTime() - started);
            PushedRows rows = rows(batch);
            long persistStarted = System.nanoTime();
            storeBlob(rows.blobKey(), cbor);
            boolean inserted = saveRows(rows);
            Duration persist = Duration.ofNanos(System.nanoTime() - persistStarted);
            metrics.batchStored(batch.cborBytes(), download, persist);
            LOG.info("witness_inputs_received batch={} chain_id={} protocol={} json_bytes={} cbor_bytes={} key={}"
                    + " receive_ms={} persist_ms={}{}", batch.l1BatchNumber(), batch.chainId(), batch.protocolVersion(),
                    body.count(), batch.cborBytes(), rows.blobKey(), download.toMillis(), persist.toMillis(),
                    inserted ? "" : " (re-push: blob replaced, rows unchanged)");
        } finally {
            deleteQuietly(cbor);
        }
    }

    private PushedBatch transcode(CountingBody body, Path cbor) {
        try {
            return PushRequestTranscoder.transcode(body, cbor, workDir);
        } catch (MalformedPayloadException e) {
            if (body.silenced()) {
                throw new UncheckedIOException("the request body went silent", new java.io.IOException(e));
            }
            if (body.exceeded()) {
                throw tooLarge(body);
            }
            metrics.payloadRejected("malformed");
            LOG.warn("push_rejected route={} error={}", PATH, e.getMessage());
            throw JsonRequests.rejection(e);
        } catch (UncheckedIOException e) {
            if (body.exceeded()) {
                throw tooLarge(body);
            }
            throw e;
        }
    }

    private RequestRejected tooLarge(CountingBody body) {
        metrics.payloadRejected("too_large");
        RequestRejected rejected = RequestRejected.tooLarge(body.limit());
        LOG.warn("push_rejected route={} error={}", PATH, rejected.getMessage());
        return rejected;
    }

    /**
     * The rows Q1/Q2 write. Upstream writes the blob first and then fails the INSERT for a chain id beyond the int4
     * column (500); here that batch is refused before anything is stored, with the same status.
     */
    private PushedRows rows(PushedBatch batch) {
        if (batch.chainId() > Integer.MAX_VALUE) {
            throw new RequestRejected(500, "Database query failed: chain_id " + batch.chainId()
                    + " is out of range for the prover database's integer column witness_inputs_fri.chain_id");
        }
        Instant sealedAt = batch.batchSealedAt() != null ? batch.batchSealedAt() : clock.instant();
        String key = "witness_inputs_" + batch.l1BatchNumber() + "_" + batch.chainId() + ".cbor";
        return new PushedRows(batch.l1BatchNumber(), batch.chainId(), key, batch.protocolVersion().minor(),
                batch.protocolVersion().patch(), batch.snarkWrapperVkHash(),
                Optional.ofNullable(batch.fflonkSnarkWrapperVkHash()), sealedAt);
    }

    private void storeBlob(String key, Path cbor) {
        try {
            store.put(ObjectKeys.WITNESS_INPUTS, key, cbor);
        } catch (RuntimeException e) {
            LOG.error("push_store_failed key={} error={}", key, e.getMessage());
            throw new RequestRejected(500, "GCS error: " + e.getMessage());
        }
    }

    private boolean saveRows(PushedRows rows) {
        try {
            return database.saveWitnessInputs(rows);
        } catch (RuntimeException e) {
            LOG.error("push_db_failed batch={} chain_id={} error={}", rows.l1BatchNumber(), rows.chainId(),
                    e.getMessage());
            throw new RequestRejected(500, "Database query failed: " + e.getMessage());
        }
    }

    private Path tempFile() {
        try {
            Files.createDirectories(workDir);
            return Files.createTempFile(workDir, "push-", ".cbor");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp file in " + workDir, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("push_temp_not_removed file={} error={}", file, e.toString());
        }
    }
}
