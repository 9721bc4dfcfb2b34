package io.provergateway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.db.PushProverDatabase.ProofVersion;
import io.provergateway.db.PushProverDatabase.PushedRows;
import io.provergateway.testsupport.ChainIdSchema;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.wire.Bytes32;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresPushProverDatabaseTest {
    private static final Bytes32 VK = Bytes32.fromHex("0x14f97b81e54b35fe673d8708cc1a19e1ea5b5e348e12d31e39824ed4f42bbca2");
    private static final Bytes32 FFLONK_VK = Bytes32.fromHex("0x" + "ab".repeat(32));
    private static final Instant SEALED = Instant.parse("2026-06-30T08:15:02.123456Z");

    private DataSource db;
    private PostgresPushProverDatabase database;

    @BeforeEach
    void freshDatabase() {
        TestDatabase test = ChainIdSchema.freshDatabase();
        db = test.dataSource();
        database = new PostgresPushProverDatabase(db);
    }

    private static PushedRows rows(long batch, long chain, Optional<Bytes32> fflonk) {
        return new PushedRows(batch, chain, "witness_inputs_" + batch + "_" + chain + ".cbor", 29, 4, VK, fflonk,
                SEALED);
    }

    @Test
    void savesTheVersionAndAQueuedRow_withSealedAtAsUtcWallTime_whateverTheJvmZone() {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        try {
            assertThat(database.saveWitnessInputs(rows(42, 270, Optional.of(FFLONK_VK)))).isTrue();
        } finally {
            TimeZone.setDefault(original);
        }

        assertThat(ChainIdSchema.rows(db, "SELECT l1_batch_number, chain_id, witness_inputs_blob_url, protocol_version,"
                + " protocol_version_patch, status, to_char(batch_sealed_at, 'YYYY-MM-DD HH24:MI:SS.US'), priority"
                + " FROM witness_inputs_fri")).containsExactly(List.of("42", "270", "witness_inputs_42_270.cbor", "29",
                "4", "queued", "2026-06-30 08:15:02.123456", "0"));
        assertThat(ChainIdSchema.rows(db, "SELECT id, protocol_version_patch, encode(snark_wrapper_vk_hash, 'hex'),"
                + " encode(fflonk_snark_wrapper_vk_hash, 'hex') FROM prover_fri_protocol_versions"))
                .containsExactly(List.of("29", "4", VK.toHex().substring(2), "ab".repeat(32)));
    }

    @Test
    void rePush_changesNoRow_evenOneAWitnessGeneratorMovedOn() {
        database.saveWitnessInputs(rows(42, 270, Optional.empty()));
        ChainIdSchema.execute(db, "UPDATE witness_inputs_fri SET status = 'in_progress', attempts = 1");

        assertThat(database.saveWitnessInputs(new PushedRows(42, 270, "other-key", 29, 4, VK, Optional.empty(),
                Instant.EPOCH))).isFalse();

        assertThat(ChainIdSchema.rows(db, "SELECT status, attempts, witness_inputs_blob_url FROM witness_inputs_fri"))
                .containsExactly(List.of("in_progress", "1", "witness_inputs_42_270.cbor"));
        assertThat(ChainIdSchema.single(db, "SELECT fflonk_snark_wrapper_vk_hash IS NULL"
                + " FROM prover_fri_protocol_versions")).contains("t");
    }

    @Test
    void sameBatchOnTwoChains_isTwoJobs() {
        database.saveWitnessInputs(rows(7, 270, Optional.empty()));
        database.saveWitnessInputs(rows(7, 0, Optional.empty()));

        assertThat(ChainIdSchema.single(db, "SELECT count(*) FROM witness_inputs_fri")).contains("2");
    }

    @Test
    void chainIdBeyondTheIntegerColumn_failsInPostgres_asUpstream() {
        assertThatThrownBy(() -> database.saveWitnessInputs(rows(1, 3_000_000_000L, Optional.empty())))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("integer out of range");
        assertThat(ChainIdSchema.single(db, "SELECT count(*) FROM prover_fri_protocol_versions")).contains("0");
    }

    @Test
    void servesSuccessfulAndAlreadySentProofs_only() {
        ChainIdSchema.compressionJob(db, 1, 270, "successful", 29, 4);
        ChainIdSchema.compressionJob(db, 2, 270, "sent_to_server", 29, 4);
        ChainIdSchema.compressionJob(db, 3, 270, "in_progress", 29, 4);
        ChainIdSchema.compressionJob(db, 4, 270, "skipped", 29, 4);

        assertThat(database.servableProof(1, 270)).contains(new ProofVersion(29, 4));
        assertThat(database.servableProof(2, 270)).contains(new ProofVersion(29, 4));
        assertThat(database.servableProof(3, 270)).isEmpty();
        assertThat(database.servableProof(4, 270)).isEmpty();
        assertThat(database.servableProof(1, 0)).isEmpty();
        assertThat(database.servableProof(1, 3_000_000_000L)).isEmpty();
    }

    @Test
    void marksSentToServer_onlyThatChainsJob() {
        ChainIdSchema.compressionJob(db, 1, 270, "successful", 29, 4);
        ChainIdSchema.compressionJob(db, 1, 0, "successful", 29, 4);

        database.markSentToServer(1, 270);

        assertThat(ChainIdSchema.rows(db, "SELECT chain_id, status FROM proof_compression_jobs_fri ORDER BY 1"))
                .containsExactly(List.of("0", "successful"), List.of("270", "sent_to_server"));
    }
}
