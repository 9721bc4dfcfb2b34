package io.provergateway.bench;

/**
 * One line of the {@code bench} table: a figure measured for this gateway beside its baseline, measured in the same
 * run on the same data.
 *
 * @param figure what was measured (e.g. "ingest end to end")
 * @param unit unit of {@code ours} and {@code baseline} (e.g. "MB/s")
 * @param ours the value for this gateway
 * @param baseline the value of the baseline run beside it (NaN when there is none)
 * @param higherIsBetter whether a larger value is better (throughput) or worse (latency, bytes)
 * @param target the target as text (e.g. "≥ 1.5×")
 * @param met whether the target was met in this run
 */
public record BenchRow(String figure, String unit, double ours, double baseline, boolean higherIsBetter, String target,
        boolean met) {

    /** {@code ours / baseline}, NaN without a baseline. */
    public double ratio() {
        return baseline == 0 || Double.isNaN(baseline) ? Double.NaN : ours / baseline;
    }
}
