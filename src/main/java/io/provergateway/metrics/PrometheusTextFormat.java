package io.provergateway.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.Set;

/**
 * Prometheus text exposition format 0.0.4 over client snapshots. Unlike the client's own writer, counters named in
 * {@code unsuffixedCounters} are printed without {@code _total}, exactly as upstream's vise exporter prints them;
 * all other counters get the conventional {@code _total}. Sample values that are whole numbers print without a
 * fraction ({@code 1}, as vise prints counters), others in Java's shortest round-trip form.
 */
public final class PrometheusTextFormat {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Set<String> unsuffixedCounters;

    public PrometheusTextFormat(Set<String> unsuffixedCounters) {
        this.unsuffixedCounters = Set.copyOf(unsuffixedCounters);
    }

    public String write(MetricSnapshots snapshots) {
        StringBuilder out = new StringBuilder(8192);
        for (MetricSnapshot snapshot : snapshots) {
            if (!snapshot.getDataPoints().isEmpty()) {
                writeFamily(out, snapshot);
            }
        }
        return out.toString();
    }

    private void writeFamily(StringBuilder out, MetricSnapshot snapshot) {
        String base = snapshot.getMetadata().getPrometheusName();
        if (snapshot instanceof CounterSnapshot counter) {
            String name = unsuffixedCounters.contains(base) ? base : base + "_total";
            header(out, snapshot, name, "counter");
            counter.getDataPoints().forEach(p -> sample(out, name, p.getLabels(), p.getValue()));
        } else if (snapshot instanceof GaugeSnapshot gauge) {
            header(out, snapshot, base, "gauge");
            gauge.getDataPoints().forEach(p -> sample(out, base, p.getLabels(), p.getValue()));
        } else if (snapshot instanceof HistogramSnapshot histogram) {
            header(out, snapshot, base, "histogram");
            histogram.getDataPoints().forEach(p -> writeHistogramPoint(out, base, p));
        } else if (snapshot instanceof SummarySnapshot summary) {
            header(out, snapshot, base, "summary");
            summary.getDataPoints().forEach(p -> writeSummaryPoint(out, base, p));
        } else if (snapshot instanceof InfoSnapshot info) {
            header(out, snapshot, base + "_info", "gauge");
            info.getDataPoints().forEach(p -> sample(out, base + "_info", p.getLabels(), 1));
        } else if (snapshot instanceof StateSetSnapshot stateSet) {
            header(out, snapshot, base, "gauge");
            stateSet.getDataPoints().forEach(p -> writeStateSetPoint(out, base, p));
        } else if (snapshot instanceof UnknownSnapshot unknown) {
            header(out, snapshot, base, "untyped");
            unknown.getDataPoints().forEach(p -> sample(out, base, p.getLabels(), p.getValue()));
        }
    }

    private static void header(StringBuilder out, MetricSnapshot snapshot, String name, String type) {
        String help = snapshot.getMetadata().getHelp();
        if (help != null && !help.isEmpty()) {
            out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        }
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void writeHistogramPoint(StringBuilder out, String base,
            HistogramSnapshot.HistogramDataPointSnapshot point) {
        long cumulative = 0;
        boolean wroteInf = false;
        for (var bucket : point.getClassicBuckets()) {
            cumulative += bucket.getCount();
            wroteInf |= bucket.getUpperBound() == Double.POSITIVE_INFINITY;
            sample(out, base + "_bucket", point.getLabels(), "le", formatBound(bucket.getUpperBound()), cumulative);
        }
        long count = point.hasCount() ? point.getCount() : cumulative;
        if (!wroteInf) {
            sample(out, base + "_bucket", point.getLabels(), "le", "+Inf", count);
        }
        if (point.hasSum()) {
            sample(out, base + "_sum", point.getLabels(), point.getSum());
        }
        sample(out, base + "_count", point.getLabels(), count);
    }

    private static void writeSummaryPoint(StringBuilder out, String base,
            SummarySnapshot.SummaryDataPointSnapshot point) {
        for (var quantile : point.getQuantiles()) {
            sample(out, base, point.getLabels(), "quantile", formatBound(quantile.getQuantile()), quantile.getValue());
        }
        if (point.hasSum()) {
            sample(out, base + "_sum", point.getLabels(), point.getSum());
        }
        if (point.hasCount()) {
            sample(out, base + "_count", point.getLabels(), point.getCount());
        }
    }

    private static void writeStateSetPoint(StringBuilder out, String base,
            StateSetSnapshot.StateSetDataPointSnapshot point) {
        for (int i = 0; i < point.size(); i++) {
            sample(out, base, point.getLabels(), base, point.getName(i), point.isTrue(i) ? 1 : 0);
        }
    }

    private static void sample(StringBuilder out, String name, Labels labels, double value) {
        sample(out, name, labels, null, null, value);
    }

    /** One sample line; {@code extraName}/{@code extraValue} is appended after the point's labels (le, quantile). */
    private static void sample(StringBuilder out, String name, Labels labels, String extraName, String extraValue,
            double value) {
        out.append(name);
        if (!labels.isEmpty() || extraName != null) {
            out.append('{');
            String separator = "";
            for (int i = 0; i < labels.size(); i++) {
                out.append(separator).append(labels.getPrometheusName(i)).append("=\"");
                escapeLabelValue(out, labels.getValue(i));
                out.append('"');
                separator = ",";
            }
            if (extraName != null) {
                out.append(separator).append(extraName).append("=\"");
                escapeLabelValue(out, extraValue);
                out.append('"');
            }
            out.append('}');
        }
        out.append(' ').append(formatValue(value)).append('\n');
    }

    static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Bucket bounds and quantiles keep a fraction ({@code le="1.0"}), the form Prometheus clients print. */
    static String formatBound(double bound) {
        if (Double.isInfinite(bound)) {
            return bound > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(bound);
    }

    private static void escapeLabelValue(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
