package io.provergateway.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/** Repeats a task and keeps the median wall time and the bytes it allocated on this thread. */
final class Measure {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Medians over the timed runs: wall seconds, CPU seconds of this thread, and bytes allocated per run. The CPU
     * figure is what "per core" means, and it stays meaningful on a machine shared with other work.
     */
    record Result(double seconds, double cpuSeconds, double allocatedBytes) {
        double megabytesPerSecond(long bytes) {
            return bytes / 1e6 / seconds;
        }

        double megabytesPerCpuSecond(long bytes) {
            return bytes / 1e6 / cpuSeconds;
        }
    }

    interface Task {
        void run() throws Exception;
    }

    private Measure() {
    }

    static Result median(int warmups, int runs, Task task) {
        try {
            for (int i = 0; i < warmups; i++) {
                task.run();
            }
            if (runs == 0) {
                return new Result(Double.NaN, Double.NaN, Double.NaN);
            }
            double[] seconds = new double[runs];
            double[] cpu = new double[runs];
            long allocated = 0;
            for (int i = 0; i < runs; i++) {
                long before = THREADS.getCurrentThreadAllocatedBytes();
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                long started = System.nanoTime();
                task.run();
                seconds[i] = (System.nanoTime() - started) / 1e9;
                cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
                allocated += THREADS.getCurrentThreadAllocatedBytes() - before;
            }
            Arrays.sort(seconds);
            Arrays.sort(cpu);
            return new Result(seconds[runs / 2], cpu[runs / 2], (double) allocated / runs);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
