package io.provergateway.ops;

import com.zaxxer.hikari.HikariDataSource;
import io.provergateway.config.ApiMode;
import io.provergateway.config.GatewayConfig;
import io.provergateway.db.JobStatistics;
import io.provergateway.db.PostgresPushProverDatabase;
import io.provergateway.db.PushProverDatabase.ProofVersion;
import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.push.PolledProof;
import io.provergateway.store.BlobNotFoundException;
import io.provergateway.store.BlobStore;
import io.provergateway.store.BlobStores;
import io.provergateway.store.ObjectKeys;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.ProtocolVersion;
import io.provergateway.wire.SubmitProofRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspect proof <n>}: the body the gateway sends to {@code /submit_proof/{n}} for the batch's
 * {@code proof_compression_jobs_fri} row: {@code "SkippedProofGeneration"} for {@code skipped}, the proof read from
 * {@code proofs_fri/l1_batch_proof_{n}_{v}.bin} for {@code successful} (and {@code sent_to_server}: what was sent).
 * In the ProverCluster profile: the {@code /poll_generated_proofs} answer for {@code (n, --chain-id)}, rendered by the
 * push server's own {@link PolledProof} (read-only: the row is not marked {@code sent_to_server}).
 */
@Command(name = "proof", mixinStandardHelpOptions = true,
        description = "Print the /submit_proof/{n} body the gateway would send for that row"
                + " (ProverCluster: the /poll_generated_proofs answer).")
public final class InspectProofCommand extends OpsCommand {

    @Parameters(index = "0", paramLabel = "L1_BATCH_NUMBER")
    long l1BatchNumber;

    @Option(names = "--chain-id", paramLabel = "C", defaultValue = "0",
            description = "Chain id of the batch (ProverCluster profile only; default: ${DEFAULT-VALUE})")
    long chainId;

    public InspectProofCommand() {
        this(System.getenv(), System.out, System.err);
    }

    InspectProofCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        super(env, out, err);
    }

    @Override
    String name() {
        return "inspect proof";
    }

    @Override
    int run(GatewayConfig config) {
        if (config.apiMode() == ApiMode.ProverCluster) {
            return runProverCluster(config);
        }
        if (chainId != 0) {
            return fail("--chain-id applies to the ProverCluster profile only");
        }
        Optional<JobStatistics.CompressionRow> row;
        try (HikariDataSource dataSource = dataSource(config)) {
            row = new JobStatistics(dataSource).compressionRow(l1BatchNumber);
        }
        if (row.isEmpty()) {
            return fail("batch " + l1BatchNumber + " has no proof_compression_jobs_fri row");
        }
        String status = row.get().status();
        SubmitProofRequest request;
        switch (status) {
            case "skipped" -> request = new SubmitProofRequest.SkippedProofGeneration();
            case "successful", "sent_to_server" -> {
                if (row.get().protocolMinor() == null) {
                    return fail("batch " + l1BatchNumber + ": proof_compression_jobs_fri.protocol_version is NULL");
                }
                ProtocolVersion version = new ProtocolVersion(row.get().protocolMinor(), row.get().protocolPatch());
                String key = ObjectKeys.l1BatchProof(l1BatchNumber, version);
                try {
                    request = new SubmitProofRequest.Proof(readProof(config, key));
                } catch (BlobNotFoundException e) {
                    return fail(ObjectKeys.PROOFS_FRI + "/" + key + " not found in the object store");
                }
            }
            default -> {
                return fail("batch " + l1BatchNumber + " is in state " + status + "; no proof to send yet");
            }
        }
        out.println(new String(ProofCodec.submitRequestJson(request), StandardCharsets.UTF_8));
        return 0;
    }

    private int runProverCluster(GatewayConfig config) {
        Optional<ProofVersion> version;
        try (HikariDataSource dataSource = dataSource(config)) {
            version = new PostgresPushProverDatabase(dataSource).servableProof(l1BatchNumber, chainId);
        }
        String batch = "batch " + l1BatchNumber + " chain_id " + chainId;
        if (version.isEmpty()) {
            return fail(batch + " has no successful or sent_to_server proof_compression_jobs_fri row;"
                    + " /poll_generated_proofs answers null");
        }
        BlobStore store = BlobStores.create(config.objectStore(), GatewayMetrics.NOOP);
        Optional<byte[]> body = PolledProof.render(store, l1BatchNumber, chainId, version.get());
        if (body.isEmpty()) {
            return fail(ObjectKeys.PROOFS_FRI + "/"
                    + String.join(" and " + ObjectKeys.PROOFS_FRI + "/", PolledProof.keys(l1BatchNumber, chainId,
                            version.get())) + " not found in the object store");
        }
        out.println(new String(body.get(), StandardCharsets.UTF_8));
        return 0;
    }

    private static io.provergateway.wire.L1BatchProof readProof(GatewayConfig config, String key) {
        BlobStore store = BlobStores.create(config.objectStore(), GatewayMetrics.NOOP);
        try (InputStream in = store.open(ObjectKeys.PROOFS_FRI, key)) {
            return ProofCodec.readBincode(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ObjectKeys.PROOFS_FRI + "/" + key, e);
        }
    }

    private int fail(String message) {
        err.println("prover-gateway inspect proof: " + message);
        return FAILED;
    }
}
