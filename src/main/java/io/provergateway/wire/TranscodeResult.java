package io.provergateway.wire;

/** What a {@code /proof_generation_data} response turned out to be. */
public sealed interface TranscodeResult {

    /**
     * {@code {"Success":{...}}}: the witness bincode was written; these are the fields the DB rows need, and what
     * upstream would accept but looks wrong ({@link Suspicion}), to warn about and count.
     */
    record Batch(long l1BatchNumber, ProtocolVersion protocolVersion, Bytes32 snarkWrapperVkHash, long bincodeBytes,
            java.util.List<Suspicion> suspicions) implements TranscodeResult {

        public Batch(long l1BatchNumber, ProtocolVersion protocolVersion, Bytes32 snarkWrapperVkHash,
                long bincodeBytes) {
            this(l1BatchNumber, protocolVersion, snarkWrapperVkHash, bincodeBytes, java.util.List.of());
        }

        public Batch {
            suspicions = java.util.List.copyOf(suspicions);
        }
    }

    /** Accepted as upstream's serde accepts it, but suspicious: {@code reason} is the metric label. */
    record Suspicion(String reason, String detail) {}

    /** {@code {"Success":null}}: nothing to prove now. */
    record NoBatch() implements TranscodeResult {}

    /** {@code {"Error":"..."}} from the core. */
    record CoreError(String message) implements TranscodeResult {}
}
