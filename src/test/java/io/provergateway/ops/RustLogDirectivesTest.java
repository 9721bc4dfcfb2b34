package io.provergateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RustLogDirectivesTest {

    @Test
    void aBareLevel_setsTheDefault() {
        RustLogDirectives directives = RustLogDirectives.parse("info");
        assertThat(directives.defaultLevel()).contains(Level.INFO);
        assertThat(directives.loggers()).isEmpty();
    }

    @Test
    void upstreamTargets_mapOntoOurPackages() {
        RustLogDirectives directives = RustLogDirectives.parse(
                "warn,zksync_prover_fri_gateway=debug, zksync_object_store=TRACE,sqlx=off");
        assertThat(directives.defaultLevel()).contains(Level.WARN);
        assertThat(directives.loggers()).containsAllEntriesOf(Map.of("io.provergateway", Level.DEBUG,
                "io.provergateway.store", Level.TRACE, "io.provergateway.db", Level.OFF, "com.zaxxer.hikari", Level.OFF));
        assertThat(directives.ignored()).isEmpty();
    }

    @Test
    void targetsWithoutACounterpart_andBadLevels_areIgnoredAndReported() {
        RustLogDirectives directives = RustLogDirectives.parse("zksync_state_keeper=debug,zksync_object_store=loud,,");
        assertThat(directives.defaultLevel()).isEqualTo(Optional.empty());
        assertThat(directives.loggers()).isEmpty();
        assertThat(directives.ignored()).containsExactly("zksync_state_keeper=debug", "zksync_object_store=loud");
    }
}
