package io.provergateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTest {

    @Test
    void rendersOneLinePerRowWithRatioAndVerdict() {
        String table = BenchTable.render(List.of(
                new BenchRow("ingest end to end", "MB/s", 300, 200, true, "≥ 1.5×", true),
                new BenchRow("proof latency p50", "ms", 120, Double.NaN, false, "≤ 250 ms", false)));

        String[] lines = table.split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).contains("figure", "ours", "baseline", "ratio", "target", "met");
        assertThat(lines[2]).contains("ingest end to end", "300 MB/s", "200 MB/s", "1.50×", "≥ 1.5×", "yes");
        assertThat(lines[3]).contains("proof latency p50", "120 ms", " - ", "NO");
    }
}
