package io.provergateway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.wire.Bytes32;
import io.provergateway.wire.ProtocolVersion;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresProverDatabaseSaveTest {
    private static TestDatabase database;
    private static ProverRows rows;
    private static PostgresProverDatabase db;

    private static final Bytes32 VK_A = Bytes32.wrap(filled(0xaa));
    private static final Bytes32 VK_B = Bytes32.wrap(filled(0xbb));

    @BeforeAll
    static void setUp() {
        database = TestPostgres.freshDatabase();
        rows = new ProverRows(database.dataSource());
        db = new PostgresProverDatabase(database.dataSource());
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void insertsProtocolVersionAndQueuedWitnessRow_forANewVersion() {
        boolean inserted = db.saveWitnessInputs(100, "witness_inputs_100.bin", new ProtocolVersion(26, 3), VK_A);

        assertThat(inserted).isTrue();
        assertThat(rows.rows("SELECT l1_batch_number, witness_inputs_blob_url, protocol_version,"
                + " protocol_version_patch, status, created_at IS NOT NULL AND updated_at IS NOT NULL"
                + " FROM witness_inputs_fri WHERE l1_batch_number = 100"))
                .containsExactly(List.of("100", "witness_inputs_100.bin", "26", "3", "queued", "t"));
        assertThat(rows.rows("SELECT id, protocol_version_patch, encode(snark_wrapper_vk_hash, 'hex'),"
                + " length(snark_wrapper_vk_hash) FROM prover_fri_protocol_versions WHERE id = 26"))
                .containsExactly(List.of("26", "3", HexFormat.of().formatHex(filled(0xaa)), "32"));
    }

    @Test
    void secondSaveOfTheSameBatch_isANoOpReturningFalse() {
        assertThat(db.saveWitnessInputs(200, "witness_inputs_200.bin", new ProtocolVersion(27, 0), VK_A)).isTrue();

        boolean again = db.saveWitnessInputs(200, "other_key.bin", new ProtocolVersion(27, 0), VK_A);

        assertThat(again).isFalse();
        assertThat(rows.single("SELECT witness_inputs_blob_url FROM witness_inputs_fri WHERE l1_batch_number = 200"))
                .contains("witness_inputs_200.bin");
    }

    @Test
    void firstVkHashForAVersionWins() {
        db.saveWitnessInputs(300, "witness_inputs_300.bin", new ProtocolVersion(24, 1), VK_A);
        db.saveWitnessInputs(301, "witness_inputs_301.bin", new ProtocolVersion(24, 1), VK_B);

        assertThat(rows.rows("SELECT encode(snark_wrapper_vk_hash, 'hex') FROM prover_fri_protocol_versions"
                + " WHERE id = 24 AND protocol_version_patch = 1"))
                .containsExactly(List.of(HexFormat.of().formatHex(filled(0xaa))));
        assertThat(rows.single("SELECT status FROM witness_inputs_fri WHERE l1_batch_number = 301")).contains("queued");
    }

    @Test
    void differentPatchesOfOneMinor_areSeparateProtocolRows() {
        db.saveWitnessInputs(400, "witness_inputs_400.bin", new ProtocolVersion(28, 0), VK_A);
        db.saveWitnessInputs(401, "witness_inputs_401.bin", new ProtocolVersion(28, 1), VK_B);

        assertThat(rows.rows("SELECT protocol_version_patch FROM prover_fri_protocol_versions WHERE id = 28"
                + " ORDER BY 1")).containsExactly(List.of("0"), List.of("1"));
    }

    @Test
    void failureAfterTheProtocolInsert_rollsBackBothRows_andIsNotRetriable() {
        rows.execute("""
                CREATE FUNCTION reject_batch_500() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.l1_batch_number = 500 THEN RAISE EXCEPTION 'batch 500 rejected by test trigger'; END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER reject_batch_500 BEFORE INSERT ON witness_inputs_fri
                  FOR EACH ROW EXECUTE FUNCTION reject_batch_500();""");
        try {
            assertThatThrownBy(() -> db.saveWitnessInputs(500, "witness_inputs_500.bin", new ProtocolVersion(5, 9),
                    VK_A))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("batch 500")
                    .hasMessageContaining("0.5.9")
                    .satisfies(e -> assertThat(((DatabaseException) e).retriable()).isFalse());

            assertThat(rows.count("prover_fri_protocol_versions WHERE id = 5")).isZero();
            assertThat(rows.count("witness_inputs_fri WHERE l1_batch_number = 500")).isZero();
        } finally {
            rows.execute("DROP TRIGGER reject_batch_500 ON witness_inputs_fri; DROP FUNCTION reject_batch_500()");
        }
    }

    @Test
    void aNeverSeenVersion_neverHitsTheForeignKey_becauseItsRowGoesFirstInTheSameTransaction() {
        ProtocolVersion fresh = new ProtocolVersion(3, 77);
        assertThat(rows.count("prover_fri_protocol_versions WHERE id = 3 AND protocol_version_patch = 77")).isZero();

        assertThat(db.saveWitnessInputs(600, "witness_inputs_600.bin", fresh, VK_A)).isTrue();

        assertThat(rows.single("SELECT protocol_version || '.' || protocol_version_patch FROM witness_inputs_fri"
                + " WHERE l1_batch_number = 600")).contains("3.77");
    }

    @Test
    void unreachableDatabase_givesARetriableError() {
        org.postgresql.ds.PGSimpleDataSource unreachable = new org.postgresql.ds.PGSimpleDataSource();
        unreachable.setServerNames(new String[] {"127.0.0.1"});
        unreachable.setPortNumbers(new int[] {1});
        unreachable.setConnectTimeout(2);
        PostgresProverDatabase down = new PostgresProverDatabase(unreachable);

        assertThatThrownBy(() -> down.saveWitnessInputs(700, "witness_inputs_700.bin", new ProtocolVersion(1, 0), VK_A))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("batch 700")
                .satisfies(e -> assertThat(((DatabaseException) e).retriable()).isTrue());
    }
}
