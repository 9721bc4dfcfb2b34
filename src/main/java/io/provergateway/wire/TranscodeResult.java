package io.provergateway.wire;

/** What a {@code /proof_generation_data} response turned out to be. */
public sealed interface TranscodeResult {

    /** {@code {"Success":{...}}}: the witness bincode was written; these are the fields the DB rows need. */
    record Batch(long l1BatchNumber, ProtocolVersion protocolVersion, Bytes32 snarkWrapperVkHash, long bincodeBytes)
            implements TranscodeResult {}

    /** {@code {"Success":null}}: nothing to prove now. */
    record NoBatch() implements TranscodeResult {}

    /** {@code {"Error":"..."}} from the core. */
    record CoreError(String message) implements TranscodeResult {}
}
