package io.provergateway.db;

import io.provergateway.db.ProverDatabase.ProofClaim;
import io.provergateway.wire.ProtocolVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A row of {@code proof_compression_jobs_fri} locked {@code FOR UPDATE} in the open transaction of its connection. */
final class PostgresProofClaim implements ProofClaim {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresProofClaim.class);

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
            connection.commit();
        } catch (SQLException e) {
            close();
            throw SqlFailures.classify("mark proof of batch " + l1BatchNumber + " sent_to_server", e);
        }
        if (updated == 0) {
            LOG.warn("proof_mark_sent_skipped batch={} reason=\"status is no longer successful or skipped\"",
                    l1BatchNumber);
        }
        finished = true;
        closeConnection();
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        Transactions.rollbackQuietly(connection, null);
        closeConnection();
    }

    private void closeConnection() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the claim connection of batch {} failed: {}", l1BatchNumber, e.toString());
        }
    }
}
