package io.provergateway.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link PushProverDatabase} on PostgreSQL with upstream HEAD's SQL (push-mode spec §5.3). {@code chain_id} is bound
 * as int8 against the int4 column, as sqlx does, so an out-of-range value fails in PostgreSQL exactly as upstream.
 */
public final class PostgresPushProverDatabase implements PushProverDatabase {

    static final String INSERT_PROTOCOL_VERSION = """
            INSERT INTO prover_fri_protocol_versions (id, snark_wrapper_vk_hash, fflonk_snark_wrapper_vk_hash,
                                                      created_at, protocol_version_patch)
            VALUES (?, ?, ?, NOW(), ?)
            ON CONFLICT (id, protocol_version_patch) DO NOTHING""";

    static final String INSERT_WITNESS_INPUTS = """
            INSERT INTO witness_inputs_fri (l1_batch_number, chain_id, witness_inputs_blob_url, protocol_version, status,
                                            created_at, updated_at, protocol_version_patch, batch_sealed_at)
            VALUES (?, ?, ?, ?, 'queued', NOW(), NOW(), ?, ?)
            ON CONFLICT (l1_batch_number, chain_id) DO NOTHING""";

    static final String SERVABLE_PROOF = """
            SELECT protocol_version, protocol_version_patch FROM proof_compression_jobs_fri
            WHERE l1_batch_number = ? AND chain_id = ? AND status IN ('successful', 'sent_to_server')""";

    static final String MARK_SENT = """
            UPDATE proof_compression_jobs_fri SET status = ?, updated_at = NOW()
            WHERE l1_batch_number = ? AND chain_id = ?""";

    private final DataSource dataSource;

    public PostgresPushProverDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean saveWitnessInputs(PushedRows rows) {
        String operation = "save witness inputs of batch " + rows.l1BatchNumber() + " chain " + rows.chainId()
                + " (protocol 0." + rows.protocolMinor() + "." + rows.protocolPatch() + ")";
        return Transactions.inTransaction(dataSource, operation, connection -> {
            insertProtocolVersion(connection, rows);
            return insertWitnessInputs(connection, rows);
        });
    }

    private static void insertProtocolVersion(Connection connection, PushedRows rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_PROTOCOL_VERSION)) {
            statement.setInt(1, rows.protocolMinor());
            statement.setBytes(2, rows.snarkWrapperVkHash().toArray());
            if (rows.fflonkSnarkWrapperVkHash().isPresent()) {
                statement.setBytes(3, rows.fflonkSnarkWrapperVkHash().get().toArray());
            } else {
                statement.setNull(3, Types.BINARY);
            }
            statement.setInt(4, rows.protocolPatch());
            statement.executeUpdate();
        }
    }

    private static boolean insertWitnessInputs(Connection connection, PushedRows rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_WITNESS_INPUTS)) {
            statement.setLong(1, rows.l1BatchNumber());
            statement.setLong(2, rows.chainId());
            statement.setString(3, rows.blobKey());
            statement.setInt(4, rows.protocolMinor());
            statement.setInt(5, rows.protocolPatch());
            // upstream binds batch_sealed_at.naive_utc(): UTC wall time, whatever the gateway's time zone
            statement.setObject(6, LocalDateTime.ofInstant(rows.batchSealedAt(), ZoneOffset.UTC));
            return statement.executeUpdate() == 1;
        }
    }

    @Override
    public Optional<ProofVersion> servableProof(long l1BatchNumber, long chainId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SERVABLE_PROOF)) {
            statement.setLong(1, l1BatchNumber);
            statement.setLong(2, chainId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int minor = row.getInt(1);
                if (row.wasNull()) {
                    throw new DatabaseException("proof_compression_jobs_fri row of batch " + l1BatchNumber + " chain "
                            + chainId + " has no protocol_version", false, null);
                }
                return Optional.of(new ProofVersion(minor, row.getInt(2)));
            }
        } catch (SQLException e) {
            throw SqlFailures.classify("read the proof state of batch " + l1BatchNumber + " chain " + chainId, e);
        }
    }

    @Override
    public void markSentToServer(long l1BatchNumber, long chainId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(MARK_SENT)) {
            statement.setString(1, "sent_to_server");
            statement.setLong(2, l1BatchNumber);
            statement.setLong(3, chainId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.classify("mark batch " + l1BatchNumber + " chain " + chainId + " sent_to_server", e);
        }
    }
}
