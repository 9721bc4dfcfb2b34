package io.provergateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.store.FileBlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.WitnessInputCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * What must hold in the store, the prover DB and the core after any kill of the gateway: blobs behind rows are
 * complete and byte-exact, no final-named object is partial, nothing is marked sent that the core did not
 * acknowledge. Counts the hidden temp files it skips.
 */
final class CrashInvariants {
    private static final Pattern WITNESS_KEY = Pattern.compile("witness_inputs_(\\d+)\\.bin");

    private final DataSource database;
    private final FileBlobStore store;
    private final CoreSimulator core;
    private final WitnessDataGenerator generator;
    private final Map<Long, byte[]> expected = new ConcurrentHashMap<>();
    private final Set<Path> hiddenTempFiles = new HashSet<>();
    private int checks;

    CrashInvariants(DataSource database, FileBlobStore store, CoreSimulator core, long coreSeed, CommitmentMode mode) {
        this.database = database;
        this.store = store;
        this.core = core;
        this.generator = new WitnessDataGenerator(coreSeed, mode);
    }

    /** Distinct hidden (temp) files seen in bucket directories, which the invariants skip. */
    int hiddenTempFiles() {
        return hiddenTempFiles.size();
    }

    int checks() {
        return checks;
    }

    /** (a), (b) and the "nothing sent that was not acknowledged" half of (d). */
    void checkAfterKill(String context) throws Exception {
        checks++;
        witnessRowsPointAtExactBlobs(context);
        noFinalNamedObjectIsPartial(context);
        nothingSentWithoutAcknowledgement(context);
    }

    /** Everything of {@link #checkAfterKill} plus (c) and the full (d) for batches 1..{@code batches}. */
    void checkFinal(long batches, String context) throws Exception {
        checkAfterKill(context);
        Map<Long, String> witnessRows = rows("SELECT l1_batch_number, witness_inputs_blob_url FROM witness_inputs_fri");
        assertThat(witnessRows.keySet()).as(context + ": one witness_inputs_fri row per batch")
                .containsExactlyElementsOf(Stream.iterate(1L, n -> n + 1).limit(batches).toList());
        assertThat(count("SELECT count(*) FROM prover_fri_protocol_versions"))
                .as(context + ": protocol version rows").isEqualTo(1);
        Map<Long, String> compression = rows("SELECT l1_batch_number, status FROM proof_compression_jobs_fri");
        assertThat(compression).as(context + ": compression jobs").hasSize((int) batches);
        for (Map.Entry<Long, String> row : compression.entrySet()) {
            assertThat(row.getValue()).as(context + ": compression status of batch " + row.getKey())
                    .isEqualTo("sent_to_server");
            assertThat(core.acknowledgedCount(row.getKey()))
                    .as(context + ": core acknowledgements of batch " + row.getKey()).isPositive();
        }
    }

    private void witnessRowsPointAtExactBlobs(String context) throws Exception {
        Map<Long, String> rows = rows("SELECT l1_batch_number, witness_inputs_blob_url FROM witness_inputs_fri");
        for (Map.Entry<Long, String> row : rows.entrySet()) {
            long n = row.getKey();
            assertThat(row.getValue()).as(context + ": blob url of batch " + n).isEqualTo(ObjectKeys.witnessInputs(n));
            Path blob = store.pathOf(ObjectKeys.WITNESS_INPUTS, row.getValue());
            assertThat(blob).as(context + ": blob of row " + n).isRegularFile();
            assertThat(WitnessInputCodec.readBincode(blob).vmRunData().l1BatchNumber())
                    .as(context + ": decoded blob of row " + n).isEqualTo(n);
            assertThat(Files.readAllBytes(blob)).as(context + ": bytes of blob " + n).isEqualTo(expectedBincode(n));
        }
    }

    private void noFinalNamedObjectIsPartial(String context) throws IOException {
        try (Stream<Path> buckets = Files.list(store.base())) {
            for (Path bucket : buckets.toList()) {
                for (Path file : listing(bucket)) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(".")) {
                        hiddenTempFiles.add(file);
                        continue;
                    }
                    String where = context + ": " + store.base().relativize(file);
                    switch (bucket.getFileName().toString()) {
                        case ObjectKeys.WITNESS_INPUTS -> {
                            Matcher m = WITNESS_KEY.matcher(name);
                            assertThat(m.matches()).as(where + " is a witness key").isTrue();
                            assertThat(Files.readAllBytes(file)).as(where + " complete")
                                    .isEqualTo(expectedBincode(Long.parseLong(m.group(1))));
                        }
                        case ObjectKeys.PROOFS_FRI -> {
                            try (InputStream in = Files.newInputStream(file)) {
                                assertThat(ProofCodec.readBincode(in)).as(where + " decodes").isNotNull();
                            }
                        }
                        default -> throw new AssertionError(where + ": unexpected object");
                    }
                }
            }
        }
    }

    private void nothingSentWithoutAcknowledgement(String context) throws SQLException {
        Map<Long, String> sent = rows(
                "SELECT l1_batch_number, status FROM proof_compression_jobs_fri WHERE status = 'sent_to_server'");
        for (long n : sent.keySet()) {
            assertThat(core.acknowledgedCount(n)).as(context + ": batch " + n + " sent_to_server but never acknowledged")
                    .isPositive();
        }
    }

    private byte[] expectedBincode(long n) {
        return expected.computeIfAbsent(n, k -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WitnessInputCodec.writeBincode(generator.generate(k).witnessInputData(), out);
            return out.toByteArray();
        });
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private Map<Long, String> rows(String sql) throws SQLException {
        Map<Long, String> rows = new TreeMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getString(2));
            }
        }
        return rows;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
