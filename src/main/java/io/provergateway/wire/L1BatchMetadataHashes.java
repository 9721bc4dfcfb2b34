package io.provergateway.wire;

/** {@code L1BatchMetadataHashes} of the previous batch. */
public record L1BatchMetadataHashes(Bytes32 rootHash, Bytes32 metaHash, Bytes32 auxHash) {}
