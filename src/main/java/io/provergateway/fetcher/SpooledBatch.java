package io.provergateway.fetcher;

import io.provergateway.wire.Bytes32;
import io.provergateway.wire.ProtocolVersion;
import java.nio.file.Path;

/** A fetched batch whose witness bincode is durable in the spool but not yet committed to store and database. */
public record SpooledBatch(long l1BatchNumber, ProtocolVersion protocolVersion, Bytes32 snarkWrapperVkHash, Path file) {}
