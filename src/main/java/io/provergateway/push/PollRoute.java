package io.provergateway.push;

import io.provergateway.db.PushProverDatabase;
import io.provergateway.db.PushProverDatabase.ProofVersion;
import io.provergateway.store.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /poll_generated_proofs} (push-mode spec §2.4): {@code null} until the batch's compression job is
 * {@code successful} and its proof blob exists; then {@code {"l1_batch_id": <echo>, "proof": X}} and the job is marked
 * {@code sent_to_server}. Unlike upstream, a job already {@code sent_to_server} is served again, so a response lost in
 * transit never strands a batch (§9 hazard 1).
 */
final class PollRoute {
    static final String PATH = "/poll_generated_proofs";
    private static final Logger LOG = LoggerFactory.getLogger(PollRoute.class);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final BlobStore store;
    private final PushProverDatabase database;

    PollRoute(BlobStore store, PushProverDatabase database) {
        this.store = store;
        this.database = database;
    }

    /** The JSON response body for a parsed request. Store failures are 500 {@code GCS error: …}, as upstream. */
    byte[] answer(BatchId id) {
        Optional<ProofVersion> version = database.servableProof(id.batchNumber(), id.chainId());
        if (version.isEmpty()) {
            LOG.debug("proof_not_ready batch={} chain_id={}", id.batchNumber(), id.chainId());
            return NULL;
        }
        Optional<byte[]> body = PolledProof.render(store, id.batchNumber(), id.chainId(), version.get());
        if (body.isEmpty()) {
            LOG.debug("proof_blob_missing batch={} chain_id={}", id.batchNumber(), id.chainId());
            return NULL;
        }
        try {
            database.markSentToServer(id.batchNumber(), id.chainId());
        } catch (RuntimeException e) {
            // upstream ignores this result too (.ok()); the proof is served again on the next poll either way
            LOG.warn("mark_sent_failed batch={} chain_id={} error={}", id.batchNumber(), id.chainId(), e.getMessage());
        }
        LOG.info("proof_served batch={} chain_id={} protocol=0.{}.{} bytes={}", id.batchNumber(), id.chainId(),
                version.get().minor(), version.get().patch(), body.get().length);
        return body.get();
    }
}
