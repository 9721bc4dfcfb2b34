package io.provergateway.loop;

/** One small unit of work the {@link PollingLoop} runs again and again. */
public interface Task {

    /** The upstream service name ({@code ProofGenDataFetcher}, {@code ProofSubmitter}), used in logs and metrics. */
    String name();

    /**
     * Does at most one unit of work. Returns true when it did some (the loop goes again at once), false when there
     * was nothing to do (the loop waits the poll period). Throwing means the attempt failed; the loop backs off.
     */
    boolean runOnce() throws Exception;
}
