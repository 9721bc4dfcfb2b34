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
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.5);
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
        PollingLoop loop = new PollingLoop(scripted(true, false), POLL, backoff, new StopSignal(), metrics);
        assertThat(loop.iterate()).isEqualTo(Duration.ZERO);
        assertThat(loop.iterate()).isEqualTo(POLL);
    }

    @Test
    void failuresBackOffExponentiallyAndAreCountedByKind() {
        CoreApiException down = new CoreApiException("transport", "refused", null);
        PollingLoop loop = new PollingLoop(scripted(down, down, down, new IllegalStateException("bug"), true),
                POLL, backoff, new StopSignal(), metrics);

        assertThat(loop.iterate()).isEqualTo(Duration.ofSeconds(1));
        assertThat(loop.iterate()).isEqualTo(Duration.ofSeconds(2));
        assertThat(loop.iterate()).isEqualTo(Duration.ofSeconds(4));
        assertThat(loop.iterate()).isEqualTo(Duration.ofSeconds(8));
        assertThat(loop.iterate()).isEqualTo(Duration.ZERO);
        assertThat(metrics.count("taskFailed:ScriptedTask:core_transport")).isEqualTo(3);
        assertThat(metrics.count("taskFailed:ScriptedTask:internal")).isEqualTo(1);
    }

    @Test
    void backoffIsCapped() {
        assertThat(backoff.delayAfter(40)).isEqualTo(Duration.ofSeconds(60));
        Backoff jittery = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60), () -> 0.0);
        assertThat(jittery.delayAfter(1)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void stopEndsTheLoopDuringItsPollWait() throws Exception {
        StopSignal stop = new StopSignal();
        Thread thread = new Thread(new PollingLoop(scripted(false), Duration.ofHours(1), backoff, stop, metrics));
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
        Backoff fast = new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), () -> 0.5);
        Thread thread = new Thread(new PollingLoop(alwaysThrows, POLL, fast, stop, metrics));
        thread.start();
        Thread.sleep(200);
        assertThat(thread.isAlive()).isTrue();
        stop.stop();
        thread.join(2000);
        assertThat(runs[0]).isGreaterThan(5);
    }
}
