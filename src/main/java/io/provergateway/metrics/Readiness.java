package io.provergateway.metrics;

import java.util.List;

/**
 * The answer of {@code /ready}: ready when {@code reasons} is empty. Reasons are short texts for operators that
 * start with the part they concern ({@code database: …}, {@code schema: …}, {@code object_store: …}); warnings are
 * the loops' problems (e.g. the core is down) and do not fail readiness. Neither ever carries a secret.
 */
public record Readiness(List<String> reasons, List<String> warnings) {

    public Readiness {
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }

    public boolean ready() {
        return reasons.isEmpty();
    }

    /** How {@code /ready} is computed; may take a few seconds at most (implementations bound their probes). */
    @FunctionalInterface
    public interface Check {
        Readiness check();
    }
}
