package io.provergateway.config;

import java.time.Duration;

/**
 * How the gateway stops and how long it holds a refused proof back (both ours, under {@code FRI_PROVER_GATEWAY_}).
 *
 * @param shutdownGrace {@code shutdown_grace_secs}: after SIGTERM/SIGINT, how long an exchange with the core that is
 *     still moving bytes may take to finish (default 25 s, under Kubernetes' 30 s termination grace)
 * @param maxRefusalHold {@code refused_proof_max_hold_secs}: the longest a proof the core refused is held back before
 *     it is sent again (default 600 s)
 */
public record RecoveryConfig(Duration shutdownGrace, Duration maxRefusalHold) {
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(25);
    public static final Duration DEFAULT_MAX_REFUSAL_HOLD = Duration.ofMinutes(10);
    public static final RecoveryConfig DEFAULTS = new RecoveryConfig(DEFAULT_SHUTDOWN_GRACE, DEFAULT_MAX_REFUSAL_HOLD);

    static RecoveryConfig read(Section s) {
        Duration grace = s.optional("shutdown_grace_secs")
                .map(v -> Duration.ofSeconds(v.asWholeNumber(0, 3600, "a whole number of seconds")))
                .orElse(DEFAULT_SHUTDOWN_GRACE);
        Duration hold = s.optional("refused_proof_max_hold_secs")
                .map(v -> Duration.ofSeconds(v.asWholeNumber(10, 86_400, "a whole number of seconds")))
                .orElse(DEFAULT_MAX_REFUSAL_HOLD);
        return new RecoveryConfig(grace, hold);
    }
}
