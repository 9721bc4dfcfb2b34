package io.provergateway.db;

import io.provergateway.db.ProverDatabase.ProofClaim;
import io.provergateway.wire.ProtocolVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A row of {@code proof_compression_jobs_fri} kept to this instance by a session-level advisory lock on its held
 * connection, with no transaction open (see {@link PostgresProofClaims} for why).
 */
final class PostgresProofClaim implements ProofClaim {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresProofClaim.class);

    /** Upstream's {@code mark_proof_sent_to_server} (spec §4.4) plus a status guard. */
    static final String MARK_SENT = """
            UPDATE proof_compression_jobs_fri
            SET status = 'sent_to_server', updated_at = NOW()
            WHERE l1_batch_number = ? AND status IN ('successful', 'skipped')""";

    private final Connection connection;
    private final long l1BatchNumber;
    private final boolean hasProof;
    private final Optional<ProtocolVersion> protocolVersion;
    private boolean finished;

    PostgresProofClaim(Connection connection, long l1BatchNumber, boolean hasProof, Integer minor, int patch) {
        this.connection = connection;
        this.l1BatchNumber = l1BatchNumber;
        this.hasProof = hasProof;
        this.protocolVersion = toVersion(l1BatchNumber, minor, patch);
    }

    /** NULL and versions this build cannot represent (unknown minor, negative patch) are both reported as empty. */
    private static Optional<ProtocolVersion> toVersion(long batch, Integer minor, int patch) {
        if (minor == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProtocolVersion(minor, patch));
        } catch (IllegalArgumentException e) {
            LOG.warn("proof_protocol_version_unusable batch={} protocol_version={} protocol_version_patch={} reason=\"{}\"",
                    batch, minor, patch, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public long l1BatchNumber() {
        return l1BatchNumber;
    }

    @Override
    public boolean hasProof() {
        return hasProof;
    }

    @Override
    public Optional<ProtocolVersion> protocolVersion() {
        return protocolVersion;
    }

    @Override
    public void markSent() {
        if (finished) {
            throw new IllegalStateException("claim of batch " + l1BatchNumber + " is already closed or marked");
        }
        int updated;
        try (PreparedStatement statement = connection.prepareStatement(MARK_SENT)) {
            statement.setLong(1, l1BatchNumber);
            updated = statement.executeUpdate();
        } catch (SQLException e) {
            DatabaseException failure = SqlFailures.classify("mark proof of batch " + l1BatchNumber
                    + " sent_to_server", e);
            finished = true;
            PostgresProofClaims.closeQuietly(connection, failure);
            throw failure;
        }
        if (updated == 0) {
            LOG.warn("proof_mark_sent_skipped batch={} reason=\"status is no longer successful or skipped\"",
                    l1BatchNumber);
        }
        close();
    }

    /** Releases the advisory lock and returns the connection to the pool. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            PostgresProofClaims.lock(connection, PostgresProofClaims.UNLOCK, l1BatchNumber);
            connection.close();
        } catch (SQLException e) {
            LOG.debug("releasing the claim of batch {} failed: {}", l1BatchNumber, e.toString());
            PostgresProofClaims.closeQuietly(connection, e);
        }
    }
}
