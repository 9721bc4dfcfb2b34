package io.provergateway.fetcher;

import io.provergateway.api.CoreHttpClient;
import io.provergateway.config.ApiConfig;
import io.provergateway.db.PostgresProverDatabase;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.store.BlobStore;
import io.provergateway.testsupport.RecordingMetrics;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import io.provergateway.wire.WitnessInputCodec;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the fetcher tests share: a fresh prover database, a core simulator, the spool, and fetchers wired to them. */
final class FetcherRig implements AutoCloseable {
    final TestDatabase db = TestPostgres.freshDatabase();
    final CoreSimulator core;
    final RecordingMetrics metrics = new RecordingMetrics();
    private final Path spoolPath;
    private WitnessSpool spool;

    FetcherRig(Path dir, CoreSimulator.Settings core) {
        this.core = CoreSimulator.start(core);
        this.spoolPath = dir.resolve("spool");
        this.spool = WitnessSpool.open(spoolPath);
    }

    WitnessSpool spool() {
        return spool;
    }

    /** Closes the spool and opens it again, as a restarted gateway does. */
    void reopenSpool() {
        spool.close();
        spool = WitnessSpool.open(spoolPath);
    }

    /** A fetcher against the core at {@code coreUrl}; one batch at a time, or fetching ahead as the gateway runs it. */
    ProofGenDataFetcher fetcher(String coreUrl, BlobStore store, boolean fetchAhead) {
        ApiConfig api = new ApiConfig(coreUrl, Duration.ofSeconds(2), Duration.ofSeconds(5), 1L << 32,
                Optional.empty(), Optional.empty());
        return new ProofGenDataFetcher(new CoreHttpClient(api, true), spool, store,
                new PostgresProverDatabase(db.dataSource()), metrics, Clock.systemUTC(), fetchAhead);
    }

    ProofGenDataFetcher fetcher(BlobStore store, boolean fetchAhead) {
        return fetcher(core.baseUrl().toString(), store, fetchAhead);
    }

    /** The witness blob the gateway must store for batch {@code n}: the bincode of what the simulator hands out. */
    static byte[] expectedBlob(WitnessDataGenerator generator, long n) {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        WitnessInputCodec.writeBincode(generator.generate(n).witnessInputData(), expected);
        return expected.toByteArray();
    }

    /** The first column of every row {@code sql} returns, as text. */
    List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Override
    public void close() {
        spool.close();
        core.close();
    }
}
