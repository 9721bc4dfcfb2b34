package io.provergateway.ops;

import com.zaxxer.hikari.HikariDataSource;
import io.provergateway.config.ApiMode;
import io.provergateway.config.GatewayConfig;
import io.provergateway.db.ProofRequeue;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code requeue-proof <n>}: {@code sent_to_server} → {@code successful} (or {@code skipped} for a skipped batch), so
 * the gateway sends the proof again.
 */
@Command(name = "requeue-proof", mixinStandardHelpOptions = true,
        description = "Move a sent_to_server proof back to successful (skipped for a skipped batch) so the gateway "
                + "sends it again.")
public final class RequeueProofCommand extends OpsCommand {

    @Parameters(index = "0", paramLabel = "L1_BATCH_NUMBER", description = "The batch whose proof to send again")
    long l1BatchNumber;

    public RequeueProofCommand() {
        this(System.getenv(), System.out, System.err);
    }

    RequeueProofCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        super(env, out, err);
    }

    @Override
    String name() {
        return "requeue-proof";
    }

    @Override
    int run(GatewayConfig config) {
        if (config.apiMode() == ApiMode.ProverCluster) {
            err.println("prover-gateway requeue-proof: FRI_PROVER_GATEWAY_API_MODE=ProverCluster needs no requeue (the"
                    + " core's poll is answered for sent_to_server proofs too) and its rows are per chain id;"
                    + " nothing changed");
            return FAILED;
        }
        try (HikariDataSource dataSource = dataSource(config)) {
            ProofRequeue.Outcome outcome = ProofRequeue.requeue(dataSource, l1BatchNumber);
            if (outcome.requeued()) {
                boolean skipped = outcome.newStatus().get().equals("skipped");
                out.println("batch " + l1BatchNumber + ": proof_compression_jobs_fri sent_to_server -> "
                        + outcome.newStatus().get() + (skipped ? " (no l1_proof_blob_url: the batch was skipped);"
                        + " the gateway sends SkippedProofGeneration again" : "; the gateway sends it again"));
                return 0;
            }
            err.println("prover-gateway requeue-proof: batch " + l1BatchNumber + outcome.previousStatus()
                    .map(status -> " is in state " + status + ", not sent_to_server; nothing changed")
                    .orElse(" has no proof_compression_jobs_fri row; nothing changed"));
            return FAILED;
        }
    }
}
