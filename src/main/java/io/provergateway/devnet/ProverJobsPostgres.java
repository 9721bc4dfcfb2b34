package io.provergateway.devnet;

import io.provergateway.wire.ProtocolVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The prover-DB side of the simulated prover: the witness generator's job pick (spec §4.4, {@code FOR UPDATE SKIP
 * LOCKED}) and the compressor's final rows.
 */
final class ProverJobsPostgres {
    static final String PICKED_BY = "prover-sim";

    private static final String CLAIM = """
            UPDATE witness_inputs_fri
            SET status = 'in_progress', attempts = attempts + 1, updated_at = NOW(),
                processing_started_at = NOW(), picked_by = ?
            WHERE l1_batch_number = (
                SELECT l1_batch_number FROM witness_inputs_fri
                WHERE status = 'queued'
                ORDER BY l1_batch_number ASC
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING l1_batch_number, protocol_version, protocol_version_patch""";
    private static final String FAIL = """
            UPDATE witness_inputs_fri SET status = 'failed', error = ?, updated_at = NOW()
            WHERE l1_batch_number = ?""";
    private static final String SUCCEED = """
            UPDATE witness_inputs_fri
            SET status = 'successful', updated_at = NOW(), time_taken = (NOW() - processing_started_at)::time
            WHERE l1_batch_number = ?""";
    private static final String INSERT_COMPRESSION_JOB = """
            INSERT INTO proof_compression_jobs_fri (l1_batch_number, status, l1_proof_blob_url, protocol_version,
                protocol_version_patch, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, NOW(), NOW())
            ON CONFLICT (l1_batch_number) DO NOTHING""";

    /** A claimed witness job. */
    record WitnessJob(long l1BatchNumber, ProtocolVersion protocolVersion) {}

    private final DataSource dataSource;

    ProverJobsPostgres(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Moves the lowest queued witness job to {@code in_progress} and returns it. */
    Optional<WitnessJob> claimNext() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setString(1, PICKED_BY);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ProtocolVersion version = new ProtocolVersion(rs.getInt(2), rs.getInt(3));
                return Optional.of(new WitnessJob(rs.getLong(1), version));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("prover-sim cannot claim a witness job: " + e.getMessage(), e);
        }
    }

    void markFailed(long l1BatchNumber, String error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FAIL)) {
            s.setString(1, error);
            s.setLong(2, l1BatchNumber);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("prover-sim cannot fail batch " + l1BatchNumber + ": " + e.getMessage(), e);
        }
    }

    /**
     * In one transaction: the witness job {@code successful} and the compression job {@code successful} with the
     * proof key, or {@code skipped} when the key is empty.
     */
    void complete(WitnessJob job, Optional<String> proofKey) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement done = c.prepareStatement(SUCCEED);
                    PreparedStatement insert = c.prepareStatement(INSERT_COMPRESSION_JOB)) {
                done.setLong(1, job.l1BatchNumber());
                done.executeUpdate();
                insert.setLong(1, job.l1BatchNumber());
                insert.setString(2, proofKey.isPresent() ? "successful" : "skipped");
                insert.setString(3, proofKey.orElse(null));
                insert.setInt(4, job.protocolVersion().minor());
                insert.setInt(5, job.protocolVersion().patch());
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "prover-sim cannot complete batch " + job.l1BatchNumber() + ": " + e.getMessage(), e);
        }
    }
}
