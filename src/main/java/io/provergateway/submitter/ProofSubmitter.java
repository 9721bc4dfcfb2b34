package io.provergateway.submitter;

import io.provergateway.api.CoreApi;
import io.provergateway.api.CoreApiException;
import io.provergateway.api.SubmitOutcome;
import io.provergateway.db.ProverDatabase;
import io.provergateway.db.ProverDatabase.ProofClaim;
import io.provergateway.loop.Backoff;
import io.provergateway.loop.Task;
import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.store.BlobNotFoundException;
import io.provergateway.store.BlobStore;
import io.provergateway.store.BlobStoreException;
import io.provergateway.store.ObjectKeys;
import io.provergateway.wire.L1BatchProof;
import io.provergateway.wire.MalformedPayloadException;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.ProtocolVersion;
import io.provergateway.wire.SubmitProofRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits one finished proof per run: claims the lowest {@code successful}/{@code skipped} row no other instance holds,
 * sends it to {@code /submit_proof/{n}} and marks it {@code sent_to_server} only when the core answers
 * {@code "Success"}. A failing proof is held back with its own backoff while later ones go on.
 */
public final class ProofSubmitter implements Task {
    private static final Logger LOG = LoggerFactory.getLogger(ProofSubmitter.class);
    private static final Duration BACKLOG_REPORT_INTERVAL = Duration.ofSeconds(15);

    private final CoreApi core;
    private final BlobStore store;
    private final ProverDatabase database;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final HeldProofs held;
    private Instant lastBacklogReport = Instant.MIN;

    /**
     * @param rejectedBackoff per-proof backoff after the core refused the proof ({@code Error} reply, 4xx, bad blob)
     * @param transientBackoff per-proof backoff after a failure that looks transient (unreachable, 5xx, store)
     */
    public ProofSubmitter(CoreApi core, BlobStore store, ProverDatabase database, GatewayMetrics metrics, Clock clock,
            Backoff rejectedBackoff, Backoff transientBackoff) {
        this.core = core;
        this.store = store;
        this.database = database;
        this.metrics = metrics;
        this.clock = clock;
        this.held = new HeldProofs(rejectedBackoff, transientBackoff);
    }

    @Override
    public String name() {
        return GatewayMetrics.SUBMITTER;
    }

    @Override
    public boolean runOnce() {
        Optional<ProofClaim> next = database.claimNextProof(held.heldAt(clock.instant()));
        if (next.isEmpty()) {
            reportBacklog(true);
            return false;
        }
        try (ProofClaim claim = next.get()) {
            submit(claim);
        }
        reportBacklog(false);
        return true;
    }

    /** Backlog gauges: always when idle, at most every {@link #BACKLOG_REPORT_INTERVAL} while draining. */
    private void reportBacklog(boolean idle) {
        Instant now = clock.instant();
        metrics.proofsInBackoff(held.activeAt(now));
        if (idle || !now.isBefore(lastBacklogReport.plus(BACKLOG_REPORT_INTERVAL))) {
            metrics.oldestUnsentProof(database.oldestUnsentProofAge().orElse(Duration.ZERO));
            lastBacklogReport = now;
        }
    }

    private void submit(ProofClaim claim) {
        long batch = claim.l1BatchNumber();
        Instant started = clock.instant();
        byte[] body;
        try {
            body = ProofCodec.submitRequestJson(request(claim));
        } catch (BlobNotFoundException | MalformedPayloadException | IllegalStateException e) {
            holdBack(batch, false, "proof unusable: " + e.getMessage());
            return;
        } catch (BlobStoreException | UncheckedIOException e) {
            holdBack(batch, true, "object store: " + e.getMessage());
            throw e;
        }
        SubmitOutcome outcome;
        try {
            outcome = core.submitProof(batch, body);
        } catch (CoreApiException e) {
            metrics.httpError(name());
            metrics.proofSubmitted("failed", !claim.hasProof(), body.length, elapsed(started));
            holdBack(batch, e.coreUnavailable(), e.getMessage());
            if (e.coreUnavailable()) {
                throw e;
            }
            return;
        }
        settle(claim, outcome, body.length, started);
    }

    private void settle(ProofClaim claim, SubmitOutcome outcome, int bytes, Instant started) {
        long batch = claim.l1BatchNumber();
        if (outcome instanceof SubmitOutcome.Rejected rejected) {
            metrics.proofSubmitted("rejected", !claim.hasProof(), bytes, elapsed(started));
            holdBack(batch, false, "core answered Error: " + rejected.message());
            return;
        }
        claim.markSent();
        held.release(batch);
        metrics.proofSubmitted("acknowledged", !claim.hasProof(), bytes, elapsed(started));
        LOG.info("proof sent l1_batch_number={} kind={} bytes={} elapsed_ms={}", batch,
                claim.hasProof() ? "proof" : "skipped", bytes, elapsed(started).toMillis());
    }

    private SubmitProofRequest request(ProofClaim claim) {
        if (!claim.hasProof()) {
            return new SubmitProofRequest.SkippedProofGeneration();
        }
        ProtocolVersion version = claim.protocolVersion().orElseThrow(() -> new IllegalStateException(
                "proof_compression_jobs_fri.protocol_version is NULL for batch " + claim.l1BatchNumber()));
        String key = ObjectKeys.l1BatchProof(claim.l1BatchNumber(), version);
        L1BatchProof proof;
        try (InputStream in = store.open(ObjectKeys.PROOFS_FRI, key)) {
            proof = ProofCodec.readBincode(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ObjectKeys.PROOFS_FRI + "/" + key, e);
        }
        if (!proof.protocolVersion().equals(version)) {
            LOG.warn("proof blob {}/{} carries protocol_version={} but its row says {}; sending it as upstream does",
                    ObjectKeys.PROOFS_FRI, key, proof.protocolVersion(), version);
        }
        return new SubmitProofRequest.Proof(proof);
    }

    private void holdBack(long batch, boolean transientFailure, String reason) {
        HeldProofs.Hold hold = held.hold(batch, clock.instant(), transientFailure);
        LOG.warn("proof not sent l1_batch_number={} attempts={} retry_in={}s reason=\"{}\"", batch, hold.attempts(),
                hold.delay().toSeconds(), reason);
    }

    private Duration elapsed(Instant started) {
        return Duration.between(started, clock.instant());
    }
}
