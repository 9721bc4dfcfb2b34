package io.provergateway.wire;

import java.time.Instant;

/**
 * What a push-mode {@code POST /submit_request_for_proofs} body ({@code ProofGenerationData}, push-mode spec §2.3)
 * carried besides its witness inputs: the fields the database rows need (§5.3 Q1 and Q2), and the size of the CBOR
 * written.
 *
 * <p>Beyond the shape first agreed, the record carries the two verifier-key hashes of {@code l1_verifier_config},
 * because Q1 ({@code save_prover_protocol_version}) stores them.
 *
 * @param l1BatchNumber {@code l1_batch_number} (u32)
 * @param chainId {@code chain_id} (0 when the key was missing, as upstream's {@code L2ChainId::zero} default; at most
 *     4503599627370477, {@code L2ChainId::MAX})
 * @param protocolVersion {@code protocol_version} (minor 0 to 32, the UP-HEAD {@code ProtocolVersionId} range)
 * @param batchSealedAt {@code batch_sealed_at} converted to UTC, or {@code null} when the key was missing (the caller
 *     applies upstream's default, the current time)
 * @param cborBytes bytes of the {@code WitnessInputData} CBOR written
 * @param snarkWrapperVkHash {@code l1_verifier_config.recursion_scheduler_level_vk_hash} (alias
 *     {@code snark_wrapper_vk_hash}), Q1's {@code $2}
 * @param fflonkSnarkWrapperVkHash {@code l1_verifier_config.fflonk_snark_wrapper_vk_hash}, or {@code null} when it
 *     was null or missing; Q1's {@code $3}
 */
public record PushedBatch(long l1BatchNumber, long chainId, ProtocolVersion protocolVersion, Instant batchSealedAt,
        long cborBytes, Bytes32 snarkWrapperVkHash, Bytes32 fflonkSnarkWrapperVkHash) {}
