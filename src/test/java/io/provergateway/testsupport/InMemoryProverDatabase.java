package io.provergateway.testsupport;

import io.provergateway.db.ProverDatabase;
import io.provergateway.wire.Bytes32;
import io.provergateway.wire.ProtocolVersion;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The fast double of {@link ProverDatabase}: the same semantics on maps, thread-safe by one lock. */
public final class InMemoryProverDatabase implements ProverDatabase {
    private final Map<ProtocolVersion, Bytes32> protocolVersions = new TreeMap<>(
            java.util.Comparator.comparingInt(ProtocolVersion::minor).thenComparingInt(ProtocolVersion::patch));
    private final Map<Long, WitnessRow> witnessRows = new TreeMap<>();
    private final Map<Long, CompressionRow> compressionRows = new TreeMap<>();
    private final Set<Long> claimed = new HashSet<>();

    public record WitnessRow(String blobKey, ProtocolVersion version, String status) {}

    public record CompressionRow(String status, Optional<ProtocolVersion> version) {}

    @Override
    public synchronized boolean saveWitnessInputs(long l1BatchNumber, String blobKey, ProtocolVersion version,
            Bytes32 snarkWrapperVkHash) {
        protocolVersions.putIfAbsent(version, snarkWrapperVkHash);
        return witnessRows.putIfAbsent(l1BatchNumber, new WitnessRow(blobKey, version, "queued")) == null;
    }

    /** What the compressor does: a finished ({@code successful}) or {@code skipped} row. */
    public synchronized void addCompressionJob(long l1BatchNumber, String status, ProtocolVersion version) {
        compressionRows.put(l1BatchNumber, new CompressionRow(status, Optional.ofNullable(version)));
    }

    public synchronized Map<Long, WitnessRow> witnessRows() {
        return Map.copyOf(witnessRows);
    }

    public synchronized Map<ProtocolVersion, Bytes32> protocolVersions() {
        return Map.copyOf(protocolVersions);
    }

    public synchronized String compressionStatus(long l1BatchNumber) {
        return compressionRows.get(l1BatchNumber).status();
    }

    @Override
    public synchronized Optional<ProofClaim> claimNextProof(Set<Long> excluded) {
        return compressionRows.entrySet().stream()
                .filter(e -> isUnsent(e.getValue().status()))
                .filter(e -> !excluded.contains(e.getKey()) && !claimed.contains(e.getKey()))
                .findFirst()
                .map(e -> {
                    claimed.add(e.getKey());
                    return new Claim(e.getKey(), e.getValue());
                });
    }

    @Override
    public synchronized Optional<Duration> oldestUnsentProofAge() {
        return compressionRows.values().stream().anyMatch(r -> isUnsent(r.status()))
                ? Optional.of(Duration.ZERO) : Optional.empty();
    }

    private static boolean isUnsent(String status) {
        return status.equals("successful") || status.equals("skipped");
    }

    private final class Claim implements ProofClaim {
        private final long batch;
        private final CompressionRow row;

        Claim(long batch, CompressionRow row) {
            this.batch = batch;
            this.row = row;
        }

        @Override
        public long l1BatchNumber() {
            return batch;
        }

        @Override
        public boolean hasProof() {
            return row.status().equals("successful");
        }

        @Override
        public Optional<ProtocolVersion> protocolVersion() {
            return row.version();
        }

        @Override
        public void markSent() {
            synchronized (InMemoryProverDatabase.this) {
                compressionRows.put(batch, new CompressionRow("sent_to_server", row.version()));
            }
        }

        @Override
        public void close() {
            synchronized (InMemoryProverDatabase.this) {
                claimed.remove(batch);
            }
        }
    }
}
