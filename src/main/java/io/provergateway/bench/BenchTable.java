package io.provergateway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders bench rows as one aligned text table: figure, ours, baseline, ratio, target, met. */
final class BenchTable {
    private static final String[] HEADER = {"figure", "ours", "baseline", "ratio", "target", "met"};

    private BenchTable() {
    }

    static String render(List<BenchRow> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (BenchRow row : rows) {
            cells.add(new String[] {row.figure(), value(row.ours(), row.unit()), value(row.baseline(), row.unit()),
                    ratio(row.ratio()), row.target(), row.met() ? "yes" : "NO"});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            appendLine(out, cells.get(n), widths);
            if (n == 0) {
                appendRule(out, widths);
            }
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] line, int[] widths) {
        out.append('|');
        for (int i = 0; i < line.length; i++) {
            out.append(' ').append(line[i]).append(" ".repeat(widths[i] - line[i].length())).append(" |");
        }
        out.append('\n');
    }

    private static void appendRule(StringBuilder out, int[] widths) {
        out.append('|');
        for (int width : widths) {
            out.append("-".repeat(width + 2)).append('|');
        }
        out.append('\n');
    }

    static String value(double value, String unit) {
        if (Double.isNaN(value)) {
            return "-";
        }
        String number = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    private static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
