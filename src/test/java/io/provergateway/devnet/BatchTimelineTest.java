package io.provergateway.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchTimelineTest {
    private final MutableClock clock = new MutableClock();
    private final BatchTimeline timeline = new BatchTimeline(clock);

    @Test
    void measuresEachStageFromTheFirstTimeABatchReachedIt() {
        timeline.fetched(1, 1000);
        clock.advance(Duration.ofSeconds(2));
        timeline.fetched(1, 1000);
        timeline.proven(1, false, 1723);
        clock.advance(Duration.ofSeconds(1));
        timeline.acknowledged(1, false, 5000);

        assertThat(timeline.fetchToProven().orElseThrow().median()).isEqualTo(Duration.ofSeconds(2));
        assertThat(timeline.provenToAcknowledged().orElseThrow().max()).isEqualTo(Duration.ofSeconds(1));
        assertThat(timeline.total().orElseThrow().min()).isEqualTo(Duration.ofSeconds(3));
        assertThat(timeline.fetchedCount()).isEqualTo(1);
        assertThat(timeline.witnessBytes()).isEqualTo(2000);
    }

    @Test
    void describesWhereAStuckBatchStands() {
        timeline.fetched(4, 10);
        timeline.proven(4, false, 10);
        timeline.rejected(4, "aggregation result coords do not match");
        assertThat(timeline.describe(4))
                .isEqualTo("batch 4 proven, but the core has not acknowledged it; the core last refused it: "
                        + "aggregation result coords do not match");
        assertThat(timeline.describe(5)).isEqualTo("batch 5 never handed out by the core");
    }

    @Test
    void reporterPrintsOneLinePerStateChange_andTheSummaryCountsThem() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressReporter reporter = new ProgressReporter(timeline,
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 2);
        reporter.fetched(3, 2048);
        reporter.proven(3, true, 0);
        reporter.acknowledged(3, true, 24);

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("batch 3 fetched (2.0 KiB)", "batch 3 proven (skipped)", "batch 3 acknowledged");
        assertThat(new SummaryTable(timeline, 2).render())
                .contains("1/2")
                .contains("fetched -> proven")
                .contains("0.00 s");
    }
}
