package io.provergateway.devnet;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The table printed at the end of a devnet run: counts, bytes moved and per-stage latency. */
public final class SummaryTable {
    private final BatchTimeline timeline;
    private final int expected;

    public SummaryTable(BatchTimeline timeline, int expected) {
        this.timeline = timeline;
        this.expected = expected;
    }

    public String render() {
        StringBuilder table = new StringBuilder();
        String rule = "-".repeat(62) + "\n";
        table.append(rule);
        row(table, "batches", "fetched", "proven", "acknowledged");
        row(table, "", timeline.fetchedCount() + "/" + expected, timeline.provenCount() + "/" + expected,
                timeline.acknowledgedCount() + "/" + expected);
        table.append(rule);
        row(table, "bytes moved", "witness JSON", "proof blobs", "submissions");
        row(table, "", bytes(timeline.witnessBytes()), bytes(timeline.proofBytes()), bytes(timeline.submittedBytes()));
        table.append(rule);
        row(table, "latency", "min", "median", "max");
        latencyRow(table, "fetched -> proven", timeline.fetchToProven());
        latencyRow(table, "proven -> acknowledged", timeline.provenToAcknowledged());
        latencyRow(table, "total", timeline.total());
        table.append(rule);
        return table.toString();
    }

    private static void latencyRow(StringBuilder table, String stage, Optional<BatchTimeline.Latency> latency) {
        if (latency.isEmpty()) {
            row(table, stage, "-", "-", "-");
            return;
        }
        BatchTimeline.Latency l = latency.get();
        row(table, stage, seconds(l.min()), seconds(l.median()), seconds(l.max()));
    }

    private static void row(StringBuilder table, String label, String a, String b, String c) {
        table.append(String.format(Locale.ROOT, "%-24s %12s %12s %12s%n", label, a, b, c));
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }

    /** Human-readable byte count (binary units). */
    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        if (count < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", count / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", count / (1024.0 * 1024));
    }
}
