package io.provergateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.Gateway;
import io.provergateway.db.JobStatistics;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.testsupport.TestDatabase;
import io.provergateway.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job gauges of a running gateway follow the prover tables, for every status, after rows change. */
class JobGaugesTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void jobGauges_matchTheTables_forEveryStatus_andFollowChanges() throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        JobRows rows = new JobRows(database.dataSource())
                .witness(1, "successful", 500).witness(2, "queued", 120).witness(3, "queued", 60)
                .witness(4, "in_progress", 30).witness(5, "failed", 10)
                .compression(1, "sent_to_server", 400).compression(2, "successful", 100)
                .compression(3, "in_progress", 45).compression(4, "queued", 20).compression(5, "skipped", 5)
                .compression(6, "failed", 5);
        try (CoreSimulator core = CoreSimulator.start(CoreSimulator.Settings.defaults());
                Gateway gateway = Gateway.start(OpsConfig.of(core.baseUrl().toString(), database.databaseConfig(2),
                        dir, Duration.ofSeconds(1)))) {
            int port = gateway.metricsPort();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(scrape(port)).contains(
                    jobs("witness_inputs_fri", "queued", 2), jobs("witness_inputs_fri", "in_progress", 1),
                    jobs("witness_inputs_fri", "successful", 1), jobs("witness_inputs_fri", "failed", 1),
                    jobs("witness_inputs_fri", "skipped", 0),
                    jobs("proof_compression_jobs_fri", "queued", 1), jobs("proof_compression_jobs_fri", "in_progress", 1),
                    jobs("proof_compression_jobs_fri", "successful", 1), jobs("proof_compression_jobs_fri", "failed", 1),
                    jobs("proof_compression_jobs_fri", "sent_to_server", 1),
                    jobs("proof_compression_jobs_fri", "skipped", 1)));
            List<String> lines = scrape(port);
            assertThat(age(lines, "witness_inputs_fri", "queued")).isBetween(119.0, 200.0);
            assertThat(age(lines, "proof_compression_jobs_fri", "in_progress")).isBetween(44.0, 120.0);
            assertThat(lines).hasSize(JobStatistics.WITNESS_STATUSES.size()
                    + JobStatistics.COMPRESSION_STATUSES.size() + 4);

            rows.execute("UPDATE witness_inputs_fri SET status = 'in_progress', updated_at = LOCALTIMESTAMP"
                    + " WHERE status = 'queued'");
            rows.execute("DELETE FROM proof_compression_jobs_fri WHERE status = 'failed'");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(scrape(port)).contains(
                    jobs("witness_inputs_fri", "queued", 0), jobs("witness_inputs_fri", "in_progress", 3),
                    jobs("proof_compression_jobs_fri", "failed", 0),
                    "prover_gateway_oldest_job_age_seconds{status=\"queued\",table=\"witness_inputs_fri\"} 0"));
        }
    }

    private static String jobs(String table, String status, long count) {
        return "prover_gateway_jobs{status=\"" + status + "\",table=\"" + table + "\"} " + count;
    }

    private static double age(List<String> lines, String table, String status) {
        String prefix = "prover_gateway_oldest_job_age_seconds{status=\"" + status + "\",table=\"" + table + "\"} ";
        return lines.stream().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(
                l.substring(prefix.length()))).findFirst().orElseThrow();
    }

    /** The job gauge sample lines of one scrape. */
    private List<String> scrape(int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return response.body().lines().filter(l -> l.startsWith("prover_gateway_jobs{")
                || l.startsWith("prover_gateway_oldest_job_age_seconds{")).toList();
    }
}
