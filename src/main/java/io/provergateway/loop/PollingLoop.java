package io.provergateway.loop;

import io.provergateway.metrics.GatewayMetrics;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one polling loop: run the task; go again at once when it did work, wait the poll period when it did not, wait
 * as {@link FailurePolicy#retryWait} says when it failed (small at first, never above the poll period + jitter). It catches everything but fatal VM errors, so one exception never ends a
 * loop. Logs once per state change: the first failure of a kind (ERROR), a change of kind, the recovery (WARN).
 */
public final class PollingLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PollingLoop.class);

    private final Task task;
    private final Duration pollInterval;
    private final FailurePolicy policy;
    private final StopSignal stop;
    private final GatewayMetrics metrics;
    private volatile int failures;
    private volatile String failureKind;

    public PollingLoop(Task task, Duration pollInterval, FailurePolicy policy, StopSignal stop,
            GatewayMetrics metrics) {
        this.task = task;
        this.pollInterval = pollInterval;
        this.policy = policy;
        this.stop = stop;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        LOG.info("loop started task={} poll_interval_ms={}", task.name(), pollInterval.toMillis());
        while (!stop.isStopped()) {
            Duration wait = iterate();
            if (!wait.isZero() && stop.await(wait)) {
                break;
            }
        }
        LOG.info("loop stopped task={}", task.name());
    }

    /** Empty while healthy; otherwise why not (read from other threads, e.g. the health endpoint). */
    public java.util.Optional<String> problem() {
        int count = failures;
        return count == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(task.name() + " failing kind=" + failureKind + " attempts=" + count);
    }

    /** Runs the task once and returns how long to wait before the next run. */
    public Duration iterate() {
        try {
            boolean didWork = task.runOnce();
            recovered();
            return didWork ? Duration.ZERO : pollInterval;
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable failure) {
            if (stop.isStopped()) {
                LOG.debug("task={} attempt ended by shutdown: {}", task.name(), failure.toString());
                return Duration.ZERO;
            }
            return failed(failure);
        }
    }

    private Duration failed(Throwable failure) {
        String kind = policy.kindOf(failure).label();
        failures++;
        metrics.taskFailed(task.name(), kind);
        Duration delay = policy.retryWait(failures);
        if (!kind.equals(failureKind)) {
            failureKind = kind;
            if (kind.equals("internal")) {
                LOG.error("task={} failed kind={} retry_in={}ms", task.name(), kind, delay.toMillis(), failure);
            } else {
                LOG.error("task={} failed kind={} retry_in={}ms error=\"{}\"", task.name(), kind, delay.toMillis(),
                        failure.getMessage());
            }
        } else {
            LOG.debug("task={} still failing kind={} failures={} retry_in={}ms error=\"{}\"", task.name(), kind,
                    failures, delay.toMillis(), failure.getMessage());
        }
        return delay;
    }

    private void recovered() {
        if (failures > 0) {
            LOG.warn("task={} recovered after {} failed attempts kind={}", task.name(), failures, failureKind);
            failures = 0;
            failureKind = null;
        }
    }
}
