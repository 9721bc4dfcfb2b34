package io.provergateway.db;

import io.provergateway.wire.Bytes32;
import io.provergateway.wire.ProtocolVersion;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The prover-DB port: exactly the upstream tables and SQL semantics (spec §4), plus claiming for several
 * instances. Failures are {@link DatabaseException} (unchecked, classified).
 */
public interface ProverDatabase {

    /**
     * In one transaction: the {@code prover_fri_protocol_versions} row (ON CONFLICT DO NOTHING) and the queued
     * {@code witness_inputs_fri} row (ON CONFLICT DO NOTHING). Returns true if the witness row was new.
     */
    boolean saveWitnessInputs(long l1BatchNumber, String blobKey, ProtocolVersion version, Bytes32 snarkWrapperVkHash);

    /**
     * Claims the lowest {@code proof_compression_jobs_fri} row in {@code successful} or {@code skipped} whose batch
     * is not in {@code excluded} and that no other instance holds ({@code FOR UPDATE SKIP LOCKED}). The claim keeps
     * its row lock until closed; closing without {@link ProofClaim#markSent()} leaves the row unchanged.
     */
    Optional<ProofClaim> claimNextProof(Set<Long> excluded);

    /** Age of the oldest proof in {@code successful}/{@code skipped} (not yet sent), if any. */
    Optional<Duration> oldestUnsentProofAge();

    /** A claimed proof row. Not thread-safe; close it on the thread that claimed it. */
    interface ProofClaim extends AutoCloseable {
        long l1BatchNumber();

        /** {@code true} for {@code successful} (a proof blob exists), {@code false} for {@code skipped}. */
        boolean hasProof();

        /** The row's protocol version; empty when the column is NULL (a compressor bug upstream panics on). */
        Optional<ProtocolVersion> protocolVersion();

        /** Sets {@code sent_to_server} (only from successful/skipped) and commits. */
        void markSent();

        /** Releases the row lock (rolls back if not marked). */
        @Override
        void close();
    }
}
