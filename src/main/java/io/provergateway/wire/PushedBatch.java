package io.provergateway.wire;

import java.time.Instant;

/**
 * What a push-mode {@code POST /submit_request_for_proofs} body ({@code ProofGenerationData}, push-mode spec §2.3)
 * carried besides its witness inputs: the fields the database rows need, and the size of the CBOR written.
 *
 * @param l1BatchNumber {@code l1_batch_number}
 * @param chainId {@code chain_id} (0 when the key was missing, as upstream's {@code L2ChainId::zero} default)
 * @param protocolVersion {@code protocol_version}
 * @param batchSealedAt {@code batch_sealed_at} in UTC, or {@code null} when the key was missing (the caller applies
 *     upstream's default, the current time)
 * @param cborBytes bytes of the {@code WitnessInputData} CBOR written
 */
public record PushedBatch(long l1BatchNumber, long chainId, ProtocolVersion protocolVersion, Instant batchSealedAt,
        long cborBytes) {}
