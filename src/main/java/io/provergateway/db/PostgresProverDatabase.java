package io.provergateway.db;

import io.provergateway.wire.Bytes32;
import io.provergateway.wire.ProtocolVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@link ProverDatabase} on PostgreSQL with the upstream SQL (spec §4.3, §4.4). Transactions are explicit: each
 * write switches its connection to manual commit, so the pool may keep its default auto-commit. Claims hold no
 * transaction at all ({@link PostgresProofClaims}).
 */
public final class PostgresProverDatabase implements ProverDatabase {

    static final String INSERT_PROTOCOL_VERSION = """
            INSERT INTO prover_fri_protocol_versions (id, snark_wrapper_vk_hash, created_at, protocol_version_patch)
            VALUES (?, ?, NOW(), ?)
            ON CONFLICT (id, protocol_version_patch) DO NOTHING""";

    static final String INSERT_WITNESS_INPUTS = """
            INSERT INTO witness_inputs_fri (l1_batch_number, witness_inputs_blob_url, protocol_version, status,
                                            created_at, updated_at, protocol_version_patch)
            VALUES (?, ?, ?, 'queued', NOW(), NOW(), ?)
            ON CONFLICT (l1_batch_number) DO NOTHING""";

    static final String OLDEST_UNSENT_AGE_SECONDS = """
            SELECT EXTRACT(EPOCH FROM (LOCALTIMESTAMP - updated_at))
            FROM proof_compression_jobs_fri
            WHERE status IN ('successful', 'skipped')
            ORDER BY l1_batch_number
            LIMIT 1""";

    private final DataSource dataSource;
    private final PostgresProofClaims claims;

    public PostgresProverDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.claims = new PostgresProofClaims(dataSource);
    }

    @Override
    public boolean saveWitnessInputs(long l1BatchNumber, String blobKey, ProtocolVersion version,
            Bytes32 snarkWrapperVkHash) {
        String operation = "save witness inputs of batch " + l1BatchNumber + " (protocol " + version + ")";
        return Transactions.inTransaction(dataSource, operation, connection -> {
            insertProtocolVersion(connection, version, snarkWrapperVkHash);
            return insertWitnessInputs(connection, l1BatchNumber, blobKey, version);
        });
    }

    private static void insertProtocolVersion(Connection connection, ProtocolVersion version, Bytes32 vkHash)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_PROTOCOL_VERSION)) {
            statement.setInt(1, version.minor());
            statement.setBytes(2, vkHash.toArray());
            statement.setInt(3, version.patch());
            statement.executeUpdate();
        }
    }

    private static boolean insertWitnessInputs(Connection connection, long l1BatchNumber, String blobKey,
            ProtocolVersion version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_WITNESS_INPUTS)) {
            statement.setLong(1, l1BatchNumber);
            statement.setString(2, blobKey);
            statement.setInt(3, version.minor());
            statement.setInt(4, version.patch());
            return statement.executeUpdate() == 1;
        }
    }

    @Override
    public Optional<ProofClaim> claimNextProof(Set<Long> excluded) {
        return claims.claim(excluded, Optional.empty());
    }

    @Override
    public Optional<ProofClaim> claimNextProof(Set<Long> excluded, ProofWindow window) {
        return claims.claim(excluded, Optional.of(window));
    }

    @Override
    public Optional<ProofWindow> proofWindow() {
        return Optional.of(claims.window());
    }

    @Override
    public Optional<Duration> oldestUnsentProofAge() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(OLDEST_UNSENT_AGE_SECONDS);
                ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            double seconds = Math.max(0, row.getDouble(1));
            return Optional.of(Duration.ofNanos(Math.round(seconds * 1e9)));
        } catch (SQLException e) {
            throw SqlFailures.classify("read the age of the oldest unsent proof", e);
        }
    }
}
