package io.provergateway.submitter;

import io.provergateway.api.CoreApi;
import io.provergateway.api.CoreApiException;
import io.provergateway.api.SubmitOutcome;
import io.provergateway.db.ProverDatabase;
import io.provergateway.db.ProverDatabase.ProofClaim;
import io.provergateway.loop.Backoff;
import io.provergateway.loop.FailurePolicy;
import io.provergateway.loop.Task;
import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.store.BlobStore;
import io.provergateway.store.BlobStoreException;
import io.provergateway.store.ObjectKeys;
import io.provergateway.wire.L1BatchProof;
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
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits one finished proof per run: claims the lowest {@code successful}/{@code skipped} row no other instance holds
 * (see {@link ProofScans} for how a ready proof is found quickly and cheaply), sends it to {@code /submit_proof/{n}}
 * and marks it {@code sent_to_server} only when the core answers {@code "Success"}. A failing proof is held back
 * while later ones go on: a transient failure (as {@link FailurePolicy#retriable} says) for a retry wait, a refusal
 * for a long hold. {@link DroppedConnections#REFUSAL_AFTER} dropped connections in a row for one batch, while the
 * core answers other requests, count as a refusal.
 */
public final class ProofSubmitter implements Task {
    private static final Logger LOG = LoggerFactory.getLogger(ProofSubmitter.class);
    private static final Duration BACKLOG_REPORT_INTERVAL = Duration.ofSeconds(15);
    /**
     * How often an idle submitter probes for a ready proof between full claims: a proof is picked up 100 ms after it
     * is ready on average, at a few primary-key lookups per probe.
     */
    public static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
    /** An idle submitter runs the full claim once per this many poll periods (it probes its window in between). */
    public static final int FULL_CLAIM_EVERY_POLLS = 4;

    private final CoreApi core;
    private final BlobStore store;
    private final ProverDatabase database;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final HeldProofs held;
    private final FailurePolicy policy;
    private final ProofScans scans;
    private final DroppedConnections drops;
    private Instant lastBacklogReport = Instant.MIN;

    /**
     * @param policy classifies failures and sets the hold-backs
     * @param pollInterval the poll period: the window of rows a proof can come from is read again once per poll
     *     period, and an idle submitter runs the full claim once per {@link #FULL_CLAIM_EVERY_POLLS} poll periods;
     *     in between, each run only probes the window (zero: every run is a full claim)
     * @param core the core as shared by every task, counting its replies (for {@link DroppedConnections})
     */
    public ProofSubmitter(ReplyCountingCore core, BlobStore store, ProverDatabase database, GatewayMetrics metrics,
            Clock clock, FailurePolicy policy, Duration pollInterval) {
        this(core, store, database, metrics, clock, policy,
                new HeldProofs(policy.refusalBackoff(), policy.retryBackoff()), pollInterval, core::replies);
    }

    /** Fixed hold-backs, a full claim on every run, and drops never counted as refusals (for tests). */
    ProofSubmitter(CoreApi core, BlobStore store, ProverDatabase database, GatewayMetrics metrics, Clock clock,
            Backoff rejectedBackoff, Backoff transientBackoff) {
        this(core, store, database, metrics, clock, FailurePolicy.forPollInterval(Duration.ofSeconds(15)),
                new HeldProofs(rejectedBackoff, transientBackoff), Duration.ZERO, () -> 0);
    }

    private ProofSubmitter(CoreApi core, BlobStore store, ProverDatabase database, GatewayMetrics metrics,
            Clock clock, FailurePolicy policy, HeldProofs held, Duration pollInterval, LongSupplier coreReplies) {
        this.core = core;
        this.store = store;
        this.database = database;
        this.metrics = metrics;
        this.clock = clock;
        this.policy = policy;
        this.held = held;
        this.scans = new ProofScans(database, clock, pollInterval,
                pollInterval.multipliedBy(FULL_CLAIM_EVERY_POLLS));
        this.drops = new DroppedConnections(coreReplies);
    }

    @Override
    public String name() {
        return GatewayMetrics.SUBMITTER;
    }

    @Override
    public boolean runOnce() {
        Set<Long> excluded = held.heldAt(clock.instant());
        Optional<ProofClaim> next = scans.claim(excluded, held.known());
        if (next.isEmpty()) {
            reportIdle(scans.lastWasFull(), excluded.isEmpty());
            return false;
        }
        try (ProofClaim claim = next.get()) {
            submit(claim);
        }
        reportBacklog();
        return true;
    }

    /**
     * Idle: the oldest unsent age is asked only after a full claim that held some batches back (that query walks
     * every sent row). After one that excluded nothing, no proof is waiting (but those other instances are sending
     * right now), so the age is zero; a probe leaves the gauge as the last full claim set it.
     */
    private void reportIdle(boolean fullScan, boolean nothingExcluded) {
        metrics.proofsInBackoff(held.activeAt(clock.instant()));
        if (fullScan && nothingExcluded) {
            metrics.oldestUnsentProof(Duration.ZERO);
            lastBacklogReport = clock.instant();
        } else if (fullScan) {
            metrics.oldestUnsentProof(database.oldestUnsentProofAge().orElse(Duration.ZERO));
            lastBacklogReport = clock.instant();
        }
    }

    /** Backlog gauges while proofs are being sent: the oldest unsent age at most every {@link #BACKLOG_REPORT_INTERVAL}. */
    private void reportBacklog() {
        Instant now = clock.instant();
        metrics.proofsInBackoff(held.activeAt(now));
        if (!now.isBefore(lastBacklogReport.plus(BACKLOG_REPORT_INTERVAL))) {
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
        } catch (RuntimeException e) {
            boolean transientFailure = policy.retriable(e);
            holdBack(batch, transientFailure, (transientFailure ? "reading the proof: " : "proof unusable: ")
                    + e.getMessage());
            if (transientFailure) {
                throw e;
            }
            return;
        }
        SubmitOutcome outcome;
        try {
            outcome = core.submitProof(batch, body);
        } catch (CoreApiException e) {
            metrics.httpError(name());
            metrics.proofSubmitted("failed", !claim.hasProof(), body.length, elapsed(started));
            failedExchange(batch, e);
            return;
        }
        drops.ended(batch);
        settle(claim, outcome, body.length, started);
    }

    /** A transient failure is rethrown (the loop waits); a refusal, or drops while the core answers others, is not. */
    private void failedExchange(long batch, CoreApiException e) {
        boolean transientFailure = policy.retriable(e);
        if (!e.kind().equals("transport")) {
            drops.ended(batch);
        } else {
            DroppedConnections.Streak streak = drops.dropped(batch);
            if (streak.refused()) {
                HeldProofs.Hold hold = held.hold(batch, clock.instant(), false);
                LOG.warn("proof refused by dropped connections l1_batch_number={} consecutive_drops={} attempts={}"
                        + " retry_in={}s reason=\"the core answers other requests but drops this one (a panic in"
                        + " its handler, e.g. coords that do not match)\"", batch, streak.drops(), hold.attempts(),
                        hold.delay().toSeconds());
                return;
            }
        }
        holdBack(batch, transientFailure, e.getMessage());
        if (transientFailure) {
            throw e;
        }
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
        } catch (IOException | UncheckedIOException e) {
            // a stream from the store that breaks is the store's failure (GCS, S3 or the FileBacked disk), retried
            throw new BlobStoreException("cannot read " + ObjectKeys.PROOFS_FRI + "/" + key + " from the object store: "
                    + (e instanceof UncheckedIOException u ? u.getCause() : e), true, e);
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
