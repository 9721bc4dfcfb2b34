package io.provergateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrometheusTextFormatTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormat format = new PrometheusTextFormat(Set.of("upstream_errors"));

    private String text() {
        return format.write(registry.scrape());
    }

    @Test
    void printsListedCountersWithoutTotal_andOthersWithTotal() {
        Counter.builder().name("upstream_errors").labelNames("service_name").register(registry)
                .labelValues("ProofSubmitter").inc();
        Counter.builder().name("own_events").help("Our events").register(registry).inc(3);

        assertThat(text()).isEqualTo("""
                # HELP own_events_total Our events
                # TYPE own_events_total counter
                own_events_total 3
                # TYPE upstream_errors counter
                upstream_errors{service_name="ProofSubmitter"} 1
                """);
    }

    @Test
    void escapesLabelValuesAndHelp() {
        Gauge gauge = Gauge.builder().name("g").help("line one\nback\\slash").labelNames("l").register(registry);
        gauge.labelValues("quote\" back\\ newline\n").set(0.5);

        assertThat(text()).isEqualTo("""
                # HELP g line one\\nback\\\\slash
                # TYPE g gauge
                g{l="quote\\" back\\\\ newline\\n"} 0.5
                """);
    }

    @Test
    void printsCumulativeClassicBuckets_sumAndCount() {
        Histogram histogram = Histogram.builder().name("h").labelNames("bucket").classicOnly()
                .classicUpperBounds(0.1, 1.0).register(registry);
        histogram.labelValues("a").observe(0.05);
        histogram.labelValues("a").observe(0.5);
        histogram.labelValues("a").observe(7);

        assertThat(text()).isEqualTo("""
                # TYPE h histogram
                h_bucket{bucket="a",le="0.1"} 1
                h_bucket{bucket="a",le="1.0"} 2
                h_bucket{bucket="a",le="+Inf"} 3
                h_sum{bucket="a"} 7.55
                h_count{bucket="a"} 3
                """);
    }

    @Test
    void formatsValues() {
        assertThat(PrometheusTextFormat.formatValue(0)).isEqualTo("0");
        assertThat(PrometheusTextFormat.formatValue(-0.0)).isEqualTo("0");
        assertThat(PrometheusTextFormat.formatValue(4294967296.0)).isEqualTo("4294967296");
        assertThat(PrometheusTextFormat.formatValue(0.25)).isEqualTo("0.25");
        assertThat(PrometheusTextFormat.formatValue(1e-4)).isEqualTo("1.0E-4");
        assertThat(PrometheusTextFormat.formatValue(1e20)).isEqualTo("1.0E20");
        assertThat(PrometheusTextFormat.formatValue(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusTextFormat.formatValue(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void writesJvmMetricsOfEveryKind_withoutFailing() {
        String text = PrometheusGatewayMetrics.withJvmMetrics().scrape();

        assertThat(text).contains("# TYPE jvm_memory_used_bytes gauge", "# TYPE jvm_runtime_info gauge",
                "# TYPE process_cpu_seconds_total counter", "# TYPE jvm_threads_state gauge");
        assertThat(text.lines()).allMatch(line -> line.startsWith("# ") || line.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? \\S+"));
    }
}
