package io.provergateway.ops;

import io.provergateway.db.JobStatistics;
import io.provergateway.loop.Task;
import io.provergateway.metrics.GatewayMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Refreshes the {@code prover_gateway_jobs} and {@code prover_gateway_oldest_job_age_seconds} gauges from the prover
 * DB; run by a {@code PollingLoop} every {@code FRI_PROVER_GATEWAY_JOB_STATS_INTERVAL_SECS}.
 */
public final class JobStatsTask implements Task {
    private final JobStatistics statistics;
    private final GatewayMetrics metrics;

    public JobStatsTask(JobStatistics statistics, GatewayMetrics metrics) {
        this.statistics = statistics;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "JobStatistics";
    }

    /** One refresh of both tables; never "did work", so the loop waits the interval. */
    @Override
    public boolean runOnce() {
        for (String table : List.of(JobStatistics.WITNESS_TABLE, JobStatistics.COMPRESSION_TABLE)) {
            Map<String, JobStatistics.StatusCount> counts = statistics.countsByStatus(table);
            for (JobStatistics.StatusCount count : counts.values()) {
                metrics.jobCount(table, count.status(), count.count());
            }
            for (String status : JobStatistics.AGED_STATUSES) {
                JobStatistics.StatusCount count = counts.get(status);
                metrics.oldestJobAge(table, status, count == null ? Duration.ZERO : count.oldestAge());
            }
        }
        return false;
    }
}
