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
     * is not in {@code excluded} and that no other instance holds. The claim keeps the batch to itself until closed
     * (without holding a transaction open); closing without {@link ProofClaim#markSent()} leaves the row unchanged.
     */
    Optional<ProofClaim> claimNextProof(Set<Long> excluded);

    /**
     * As {@link #claimNextProof(Set)}, looking only at the rows of {@code window} (cheap: no walk over the sent
     * rows). Rows outside the window are found by the next full {@link #claimNextProof(Set)}. The default looks at
     * every row.
     */
    default Optional<ProofClaim> claimNextProof(Set<Long> excluded, ProofWindow window) {
        return claimNextProof(excluded);
    }

    /**
     * The rows a proof may come from soon (see {@link ProofWindow}), read through the upstream partial indexes; empty
     * when this database cannot read one cheaply (the caller then only runs full claims).
     */
    default Optional<ProofWindow> proofWindow() {
        return Optional.empty();
    }

    /** Age of the oldest proof in {@code successful}/{@code skipped} (not yet sent), if any. */
    Optional<Duration> oldestUnsentProofAge();

    /** A claimed proof row. Not thread-safe; close it on the thread that claimed it. */
    interface ProofClaim extends AutoCloseable {
        long l1BatchNumber();

        /** {@code true} for {@code successful} (a proof blob exists), {@code false} for {@code skipped}. */
        boolean hasProof();

        /** The row's protocol version; empty when the column is NULL (a compressor bug upstream panics on). */
        Optional<ProtocolVersion> protocolVersion();

        /** Sets {@code sent_to_server} (only from successful/skipped), committed at once. */
        void markSent();

        /** Releases the batch to other instances (the row is unchanged if not marked). */
        @Override
        void close();
    }
}
