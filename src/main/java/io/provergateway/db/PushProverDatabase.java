package io.provergateway.db;

import io.provergateway.wire.Bytes32;
import java.time.Instant;
import java.util.Optional;

/**
 * The prover-DB port of the ProverCluster profile: upstream HEAD's four statements on the chain-id schema (push-mode
 * spec §5.3). Batches are identified by {@code (l1_batch_number, chain_id)}. Failures are {@link DatabaseException}.
 */
public interface PushProverDatabase {

    /** What Q1 and Q2 store for one pushed batch; {@code batchSealedAt} is written as UTC wall time. */
    record PushedRows(long l1BatchNumber, long chainId, String blobKey, int protocolMinor, int protocolPatch,
            Bytes32 snarkWrapperVkHash, Optional<Bytes32> fflonkSnarkWrapperVkHash, Instant batchSealedAt) {}

    /** The protocol version of a compression job ready to serve. */
    record ProofVersion(int minor, int patch) {
        /** The object-key form {@code 0_{minor}_{patch}}. */
        public String keySuffix() {
            return "0_" + minor + "_" + patch;
        }
    }

    /**
     * Q1 ({@code prover_fri_protocol_versions}, ON CONFLICT DO NOTHING) then Q2 (the queued {@code witness_inputs_fri}
     * row, ON CONFLICT (l1_batch_number, chain_id) DO NOTHING). Returns true if the witness row was new; a re-push
     * changes no row.
     */
    boolean saveWitnessInputs(PushedRows rows);

    /**
     * Q3, widened: the version of the batch's compression job when it is {@code successful}, or already
     * {@code sent_to_server} (served again so that a response lost in transit never strands a batch; spec §9.1).
     */
    Optional<ProofVersion> servableProof(long l1BatchNumber, long chainId);

    /** Q4: {@code status = 'sent_to_server'} for the batch. */
    void markSentToServer(long l1BatchNumber, long chainId);
}
