package io.provergateway.submitter;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.loop.Backoff;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeldProofsTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private final HeldProofs held = new HeldProofs(
            new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), () -> 0.5),
            new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 0.5));

    @Test
    void aRefusedProofWaitsLongerAfterEachAttemptUpToItsCap() {
        assertThat(held.hold(7, T0, false).delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(held.hold(7, T0, false).delay()).isEqualTo(Duration.ofSeconds(20));
        for (int i = 0; i < 10; i++) {
            held.hold(7, T0, false);
        }
        assertThat(held.hold(7, T0, false).delay()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aTransientFailureUsesTheShortCap() {
        for (int i = 0; i < 10; i++) {
            held.hold(3, T0, true);
        }
        assertThat(held.hold(3, T0, true).delay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void onlyUnexpiredHoldsExcludeABatchOrCountAsInBackoff() {
        held.hold(1, T0, false);
        held.hold(2, T0, true);

        assertThat(held.heldAt(T0.plusSeconds(1))).containsExactlyInAnyOrder(1L, 2L);
        assertThat(held.heldAt(T0.plusSeconds(5))).containsExactly(1L);
        assertThat(held.activeAt(T0.plusSeconds(11))).isZero();
    }

    @Test
    void anExpiredHoldKeepsItsAttemptCountUntilForgotten() {
        held.hold(5, T0, false);
        Instant later = T0.plusSeconds(60);
        assertThat(held.hold(5, later, false).attempts()).isEqualTo(2);

        Instant muchLater = later.plus(HeldProofs.FORGET_AFTER).plus(Duration.ofMinutes(1));
        assertThat(held.heldAt(muchLater)).isEmpty();
        assertThat(held.hold(5, muchLater, false).attempts()).isEqualTo(1);
    }

    @Test
    void aSentProofIsReleased() {
        held.hold(9, T0, false);
        held.release(9);
        assertThat(held.heldAt(T0)).isEmpty();
    }
}
