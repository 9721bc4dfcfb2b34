package io.provergateway.ops;

import com.zaxxer.hikari.HikariDataSource;
import io.provergateway.config.GatewayConfig;
import io.provergateway.db.JobStatistics;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: job counts by status, the oldest unsent proof and the newest batches, as text or one JSON object. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Counts by status, the oldest unsent proof and the newest batches.")
public final class StatusCommand extends OpsCommand {

    @Option(names = "--last", paramLabel = "N", defaultValue = "20",
            description = "Newest batches to list (default 20)")
    int last;

    @Option(names = "--json", description = "Print exactly one JSON object")
    boolean json;

    public StatusCommand() {
        this(System.getenv(), System.out, System.err);
    }

    StatusCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        super(env, out, err);
    }

    @Override
    String name() {
        return "status";
    }

    @Override
    int run(GatewayConfig config) {
        if (last < 0) {
            throw new IllegalArgumentException("--last must be 0 or more, got " + last);
        }
        try (HikariDataSource dataSource = dataSource(config)) {
            JobStatistics statistics = new JobStatistics(dataSource);
            StatusReport report = new StatusReport(
                    statistics.countsByStatus(JobStatistics.WITNESS_TABLE),
                    statistics.countsByStatus(JobStatistics.COMPRESSION_TABLE),
                    statistics.oldestUnsentProof(), statistics.newestBatches(last));
            out.println(json ? report.json() : report.text());
        }
        return 0;
    }

    /** What {@code status} prints. */
    record StatusReport(Map<String, JobStatistics.StatusCount> witness,
            Map<String, JobStatistics.StatusCount> compression, Optional<JobStatistics.UnsentProof> oldestUnsent,
            List<JobStatistics.BatchRow> batches) {

        String json() {
            return StatusRendering.json(this);
        }

        String text() {
            return StatusRendering.text(this);
        }
    }
}
