package io.provergateway.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.provergateway.db.JobStatistics;
import io.provergateway.db.JobStatistics.BatchRow;
import io.provergateway.db.JobStatistics.StatusCount;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Text and JSON forms of {@link StatusCommand.StatusReport}. */
final class StatusRendering {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "%-12s %-9s %-12s %-15s %8s  %s";

    private StatusRendering() {}

    static String json(StatusCommand.StatusReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(JobStatistics.WITNESS_TABLE, counts(report.witness()));
        root.put(JobStatistics.COMPRESSION_TABLE, counts(report.compression()));
        root.put("oldest_unsent_proof", report.oldestUnsent().map(proof -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("l1_batch_number", proof.l1BatchNumber());
            value.put("status", proof.status());
            value.put("age_seconds", seconds(proof.age()));
            return value;
        }).orElse(null));
        List<Map<String, Object>> batches = new ArrayList<>();
        for (BatchRow row : report.batches()) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("l1_batch_number", row.l1BatchNumber());
            value.put("protocol_version", version(row));
            value.put("witness_status", row.witnessStatus());
            value.put("compression_status", row.compressionStatus());
            value.put("attempts", row.attempts());
            value.put("updated_at", timestamp(row));
            batches.add(value);
        }
        root.put("batches", batches);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the status report", e);
        }
    }

    static String text(StatusCommand.StatusReport report) {
        StringBuilder out = new StringBuilder();
        out.append(JobStatistics.WITNESS_TABLE).append(": ").append(line(report.witness())).append('\n');
        out.append(JobStatistics.COMPRESSION_TABLE).append(": ").append(line(report.compression())).append('\n');
        out.append("oldest unsent proof: ").append(report.oldestUnsent()
                .map(p -> "batch " + p.l1BatchNumber() + " (" + p.status() + "), waiting " + seconds(p.age()) + " s")
                .orElse("none")).append('\n');
        out.append(String.format(ROW, "batch", "protocol", "witness", "compression", "attempts", "updated_at"));
        for (BatchRow row : report.batches()) {
            out.append('\n').append(String.format(ROW, row.l1BatchNumber(), orDash(version(row)),
                    orDash(row.witnessStatus()), orDash(row.compressionStatus()), row.attempts(),
                    orDash(timestamp(row))));
        }
        return out.toString();
    }

    private static Map<String, Long> counts(Map<String, StatusCount> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.values().forEach(count -> out.put(count.status(), count.count()));
        return out;
    }

    private static String line(Map<String, StatusCount> counts) {
        return counts.values().stream().map(c -> c.status() + "=" + c.count()).collect(Collectors.joining(" "));
    }

    private static double seconds(Duration age) {
        return Math.round(age.toMillis()) / 1000.0;
    }

    private static String version(BatchRow row) {
        return row.protocolMinor() == null ? null
                : "0." + row.protocolMinor() + "." + (row.protocolPatch() == null ? 0 : row.protocolPatch());
    }

    private static String timestamp(BatchRow row) {
        return row.updatedAt() == null ? null
                : row.updatedAt().withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
