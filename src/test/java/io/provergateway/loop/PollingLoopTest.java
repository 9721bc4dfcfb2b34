package io.provergateway.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.provergateway.api.CoreApiException;
import io.provergateway.testsupport.RecordingMetrics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PollingLoopTest {
    private static final Duration POLL = Duration.ofSeconds(15);
    private final FailurePolicy policy = new FailurePolicy(POLL, FailurePolicy.DEFAULT_MAX_REFUSAL_HOLD, () -> 0.5);
    private final RecordingMetrics metrics = new RecordingMetrics();

    /** A task that plays a script: true / false results, or exceptions to throw. */
    private static Task scripted(Object... steps) {
        Deque<Object> script = new ArrayDeque<>(List.of(steps));
        return new Task() {
            @Override
            public String name() {
                return "ScriptedTask";
            }

            @Override
            public boolean runOnce() throws Exception {
                Object step = script.isEmpty() ? Boolean.FALSE : script.poll();
                if (step instanceof Exception e) {
                    throw e;
                }
                return (Boolean) step;
            }
        };
    }

    @Test
    void goesAgainAtOnceAfterWorkAndWaitsThePollPeriodWhenIdle() {
        PollingLoop loop = new PollingLoop(scripted(true, false), POLL, policy, new StopSignal(), metrics);
        assertThat(loop.iterate()).isEqualTo(Duration.ZERO);
        assertThat(loop.iterate()).isEqualTo(POLL);
    }

    @Test
    void failuresWaitLongerEachTimeUpToThePollPeriodAndAreCountedByKind() {
        CoreApiException down = new CoreApiException("transport", "refused", null);
        PollingLoop loop = new PollingLoop(scripted(down, down, down, new IllegalStateException("bug"), true),
                POLL, policy, new StopSignal(), metrics);

        assertThat(loop.iterate()).isEqualTo(Duration.ofSeconds(1));
        assertThat(loop.iterate()).isEqualTo(Duration.ofSeconds(2));
        assertThat(loop.iterate()).isEqualTo(Duration.ofSeconds(4));
        assertThat(loop.iterate()).isEqualTo(Duration.ofSeconds(8));
        assertThat(loop.iterate()).isEqualTo(Duration.ZERO);
        assertThat(loop.problem()).isEmpty();
        assertThat(metrics.count("taskFailed:ScriptedTask:core_transport")).isEqualTo(3);
        assertThat(metrics.count("taskFailed:ScriptedTask:internal")).isEqualTo(1);
    }

    @Test
    void afterAnOutageOfAnyLengthTheNextAttemptComesWithinOnePollPeriodPlusJitter() {
        Duration poll = Duration.ofSeconds(5);
        FailurePolicy worstJitter = new FailurePolicy(poll, FailurePolicy.DEFAULT_MAX_REFUSAL_HOLD, () -> 0.999_999);
        CoreApiException down = new CoreApiException("transport", "refused", null);
        Object[] script = new Object[100_000];
        java.util.Arrays.fill(script, down);
        PollingLoop loop = new PollingLoop(scripted(script), poll, worstJitter, new StopSignal(), metrics);
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 100_000; i++) {
            Duration wait = loop.iterate();
            longest = wait.compareTo(longest) > 0 ? wait : longest;
        }
        assertThat(longest).isLessThanOrEqualTo(Duration.ofMillis(6000)).isGreaterThan(Duration.ofMillis(5900));
        assertThat(loop.problem()).hasValueSatisfying(p -> assertThat(p).contains("kind=core_transport"));
    }

    @Test
    void aFailingPeerIsNeverAskedMoreThanAboutOnceASecond() {
        FailurePolicy zeroPoll = new FailurePolicy(Duration.ZERO, FailurePolicy.DEFAULT_MAX_REFUSAL_HOLD, () -> 0.0);
        for (int failures = 1; failures < 50; failures++) {
            assertThat(zeroPoll.retryWait(failures)).isGreaterThanOrEqualTo(FailurePolicy.MIN_RETRY_WAIT);
            assertThat(zeroPoll.retryWait(failures)).isLessThanOrEqualTo(Duration.ofMillis(1200));
        }
        FailurePolicy longPoll = new FailurePolicy(Duration.ofSeconds(15), Duration.ofMinutes(10), () -> 0.0);
        assertThat(longPoll.retryWait(1)).isEqualTo(FailurePolicy.MIN_RETRY_WAIT);
        assertThat(longPoll.retryWait(40)).isEqualTo(Duration.ofSeconds(12));
        assertThat(longPoll.refusalHold(40)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void stopEndsTheLoopDuringItsPollWait() throws Exception {
        StopSignal stop = new StopSignal();
        Thread thread = new Thread(new PollingLoop(scripted(false), Duration.ofHours(1), policy, stop, metrics));
        thread.start();
        Thread.sleep(100);
        stop.stop();
        thread.join(TimeUnit.SECONDS.toMillis(2));
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void anExceptionNeverEndsTheLoop() throws Exception {
        StopSignal stop = new StopSignal();
        int[] runs = {0};
        Task alwaysThrows = new Task() {
            @Override
            public String name() {
                return "Throwing";
            }

            @Override
            public boolean runOnce() {
                runs[0]++;
                throw new IllegalStateException("boom " + runs[0]);
            }
        };
        Thread thread = new Thread(new PollingLoop(alwaysThrows, POLL, policy, stop, metrics));
        thread.start();
        Thread.sleep(1500);
        assertThat(thread.isAlive()).isTrue();
        stop.stop();
        thread.join(2000);
        assertThat(runs[0]).isGreaterThanOrEqualTo(2);
    }
}
