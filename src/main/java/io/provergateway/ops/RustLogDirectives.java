package io.provergateway.ops;

import ch.qos.logback.classic.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream's {@code RUST_LOG} ({@code tracing_subscriber::EnvFilter}) directives mapped onto our loggers, so the value
 * an upstream deployment already sets keeps working: a bare level ({@code info}) sets the default; {@code target=level}
 * sets the level of the Rust crate's counterpart here ({@code zksync_prover_fri_gateway} is the whole gateway,
 * {@code zksync_object_store} the store, {@code zksync_prover_dal}/{@code zksync_dal}/{@code sqlx} the database
 * code, …). Directives for crates that have no counterpart, span filters ({@code [span]}) and field filters are
 * ignored, and reported by {@link #ignored()}.
 */
record RustLogDirectives(Optional<Level> defaultLevel, Map<String, Level> loggers, List<String> ignored) {
    private static final Map<String, List<String>> TARGETS = Map.of(
            "zksync_prover_fri_gateway", List.of("io.provergateway"),
            "zksync_object_store", List.of("io.provergateway.store"),
            "zksync_prover_dal", List.of("io.provergateway.db"),
            "zksync_dal", List.of("io.provergateway.db"),
            "zksync_db_connection", List.of("io.provergateway.db", "com.zaxxer.hikari"),
            "sqlx", List.of("io.provergateway.db", "com.zaxxer.hikari"),
            "zksync_prover_interface", List.of("io.provergateway.wire"),
            "reqwest", List.of("io.provergateway.api"),
            "vise_exporter", List.of("io.provergateway.metrics"));

    static RustLogDirectives parse(String value) {
        Optional<Level> defaultLevel = Optional.empty();
        Map<String, Level> loggers = new LinkedHashMap<>();
        List<String> ignored = new java.util.ArrayList<>();
        for (String raw : value.split(",")) {
            String directive = raw.strip();
            if (directive.isEmpty()) {
                continue;
            }
            int eq = directive.lastIndexOf('=');
            Optional<Level> level = level(eq < 0 ? directive : directive.substring(eq + 1));
            if (eq < 0 && level.isPresent()) {
                defaultLevel = level;
                continue;
            }
            String target = eq < 0 ? directive : directive.substring(0, eq);
            List<String> mapped = TARGETS.get(target.replace('-', '_'));
            if (level.isEmpty() || mapped == null) {
                ignored.add(directive);
                continue;
            }
            mapped.forEach(logger -> loggers.put(logger, level.get()));
        }
        return new RustLogDirectives(defaultLevel, loggers, List.copyOf(ignored));
    }

    /** tracing's level names (case-insensitive); {@code off} turns a target off. */
    private static Optional<Level> level(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "trace" -> Optional.of(Level.TRACE);
            case "debug" -> Optional.of(Level.DEBUG);
            case "info" -> Optional.of(Level.INFO);
            case "warn" -> Optional.of(Level.WARN);
            case "error" -> Optional.of(Level.ERROR);
            case "off" -> Optional.of(Level.OFF);
            default -> Optional.empty();
        };
    }
}
