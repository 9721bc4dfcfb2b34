package io.provergateway.devnet;

import io.provergateway.config.ApiMode;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code core-sim}: the core simulator on its own, for pointing a real gateway at. Runs until stopped. */
@Command(name = "core-sim", mixinStandardHelpOptions = true,
        description = "Serve the core's proof data handler protocol (/proof_generation_data, /submit_proof/{n}) "
                + "on 127.0.0.1 with generated batches, until stopped.")
public final class CoreSimCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "3320", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--batches", defaultValue = "10", description = "Batches to offer (default: ${DEFAULT-VALUE}).")
    int batches;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    CommitmentModeOption mode;

    @Option(names = "--proof-generation-timeout", defaultValue = "18000", paramLabel = "SECONDS",
            description = "Hand a batch out again after this many seconds without a proof (default: ${DEFAULT-VALUE}, "
                    + "upstream proof_generation_timeout_in_secs).")
    long proofGenerationTimeoutSecs;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the batch data and of the coords proofs must carry (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reject-with", defaultValue = "BAD_GATEWAY",
            description = "How to refuse a proof with wrong coords: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SubmitRejection rejectWith;

    @Option(names = "--api-mode", defaultValue = "legacy", paramLabel = "MODE",
            description = "legacy (serve the pull protocol, default) or prover-cluster (push to and poll the gateway at "
                    + "--gateway-url, as upstream's ProofGenDataSubmitter and ProofFetcher do).")
    String apiMode;

    @Option(names = "--gateway-url", paramLabel = "URL",
            description = "prover-cluster: the gateway's base URL (upstream data_handler.gateway_api_url).")
    String gatewayUrl;

    @Option(names = "--proof-fetch-interval", defaultValue = "10", paramLabel = "SECONDS",
            description = "prover-cluster: the wait after every poll (default: ${DEFAULT-VALUE}, as upstream).")
    long proofFetchIntervalSecs;

    @Override
    public Integer call() throws InterruptedException {
        if (ApiMode.parse("--api-mode", apiMode) == ApiMode.ProverCluster) {
            return pushToGateway();
        }
        CoreSimulator core = CoreSimulator.start(CoreSimulator.Settings.defaults()
                .withPort(port)
                .withSeed(seed)
                .withMode(CommitmentModeOption.of(mode))
                .withProofGenerationTimeout(Duration.ofSeconds(proofGenerationTimeoutSecs)));
        core.rejectWrongCoordsWith(rejectWith);
        core.addBatches(batches);
        System.out.println("core-sim serving " + batches + " batches at " + core.baseUrl()
                + " (set FRI_PROVER_GATEWAY_API_URL to it); Ctrl-C stops");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            core.close();
            stopped.countDown();
        }, "core-sim-shutdown"));
        stopped.await();
        return 0;
    }

    /** Pushes and polls until every proof was fetched (exit 0) or Ctrl-C. */
    private int pushToGateway() throws InterruptedException {
        if (gatewayUrl == null) {
            System.err.println("core-sim: --gateway-url is required with --api-mode prover-cluster");
            return 2;
        }
        BatchTimeline timeline = new BatchTimeline(java.time.Clock.systemUTC());
        ProgressReporter reporter = new ProgressReporter(timeline, System.out, System.console() != null, batches);
        PushCoreSimulator core = new PushCoreSimulator(PushCoreSimulator.Settings.defaults(gatewayUrl).with(seed,
                CommitmentModeOption.of(mode), Duration.ofSeconds(proofGenerationTimeoutSecs), Duration.ofSeconds(10),
                Duration.ofSeconds(proofFetchIntervalSecs), reporter), batches).start();
        System.out.println("core-sim pushing " + batches + " batches to " + gatewayUrl + "; Ctrl-C stops");
        Runtime.getRuntime().addShutdownHook(new Thread(core::close, "core-sim-shutdown"));
        timeline.awaitUntil(t -> t.acknowledgedCount() >= batches || !t.problems().isEmpty(),
                java.time.Instant.now().plus(Duration.ofDays(3650)));
        reporter.finish();
        System.out.print(new SummaryTable(timeline, batches).render());
        core.close();
        return timeline.problems().isEmpty() ? 0 : 1;
    }
}
