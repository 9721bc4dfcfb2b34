package io.provergateway.devnet;

import io.provergateway.wire.ProtocolVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The prover-DB side of the simulated prover on the chain-id schema: the witness generator's pick by
 * {@code (l1_batch_number, chain_id)} and the compressor's {@code successful} job (push-mode spec §5.4).
 */
final class PushProverJobs {
    private static final String CLAIM = """
            UPDATE witness_inputs_fri
            SET status = 'in_progress', attempts = attempts + 1, updated_at = NOW(),
                processing_started_at = NOW(), picked_by = 'prover-sim'
            WHERE (l1_batch_number, chain_id) = (
                SELECT l1_batch_number, chain_id FROM witness_inputs_fri
                WHERE status = 'queued'
                ORDER BY priority DESC, batch_sealed_at ASC
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING l1_batch_number, chain_id, protocol_version, protocol_version_patch""";
    private static final String FAIL = """
            UPDATE witness_inputs_fri SET status = 'failed', error = ?, updated_at = NOW()
            WHERE l1_batch_number = ? AND chain_id = ?""";
    private static final String SUCCEED = """
            UPDATE witness_inputs_fri
            SET status = 'successful', updated_at = NOW(), time_taken = (NOW() - processing_started_at)::time
            WHERE l1_batch_number = ? AND chain_id = ?""";
    private static final String INSERT_COMPRESSION_JOB = """
            INSERT INTO proof_compression_jobs_fri (l1_batch_number, chain_id, status, l1_proof_blob_url,
                protocol_version, protocol_version_patch, batch_sealed_at, created_at, updated_at)
            SELECT l1_batch_number, chain_id, 'successful', ?, protocol_version, protocol_version_patch,
                   batch_sealed_at, NOW(), NOW()
            FROM witness_inputs_fri WHERE l1_batch_number = ? AND chain_id = ?
            ON CONFLICT (l1_batch_number, chain_id) DO NOTHING""";

    record Job(long l1BatchNumber, long chainId, ProtocolVersion protocolVersion) {}

    private final DataSource dataSource;

    PushProverJobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Job> claimNext() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM);
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Job(rs.getLong(1), rs.getLong(2), new ProtocolVersion(rs.getInt(3), rs.getInt(4))));
        } catch (SQLException e) {
            throw new IllegalStateException("prover-sim cannot claim a witness job: " + e.getMessage(), e);
        }
    }

    void markFailed(Job job, String error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FAIL)) {
            s.setString(1, error);
            s.setLong(2, job.l1BatchNumber());
            s.setLong(3, job.chainId());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("prover-sim cannot fail batch " + job.l1BatchNumber(), e);
        }
    }

    /** In one transaction: the witness job {@code successful} and its {@code successful} compression job. */
    void complete(Job job, String proofKey) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement done = c.prepareStatement(SUCCEED);
                    PreparedStatement insert = c.prepareStatement(INSERT_COMPRESSION_JOB)) {
                done.setLong(1, job.l1BatchNumber());
                done.setLong(2, job.chainId());
                done.executeUpdate();
                insert.setString(1, proofKey);
                insert.setLong(2, job.l1BatchNumber());
                insert.setLong(3, job.chainId());
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("prover-sim cannot complete batch " + job.l1BatchNumber(), e);
        }
    }
}
