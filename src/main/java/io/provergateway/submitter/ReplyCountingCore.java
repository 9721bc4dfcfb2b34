package io.provergateway.submitter;

import io.provergateway.api.CoreApi;
import io.provergateway.api.SubmitOutcome;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the exchanges with the core that got an answer, for every task sharing it, so the submitter can tell "the
 * core drops this one proof" from "the core is down" ({@link DroppedConnections}).
 */
public final class ReplyCountingCore implements CoreApi {
    private final CoreApi delegate;
    private final AtomicLong replies = new AtomicLong();

    public ReplyCountingCore(CoreApi delegate) {
        this.delegate = delegate;
    }

    /** Exchanges answered so far (a decoded reply of any kind). */
    public long replies() {
        return replies.get();
    }

    @Override
    public <T> T fetchProofGenerationData(BodyReader<T> reader) {
        T result = delegate.fetchProofGenerationData(reader);
        replies.incrementAndGet();
        return result;
    }

    @Override
    public SubmitOutcome submitProof(long l1BatchNumber, byte[] requestJson) {
        SubmitOutcome outcome = delegate.submitProof(l1BatchNumber, requestJson);
        replies.incrementAndGet();
        return outcome;
    }

    @Override
    public void abortInFlight() {
        delegate.abortInFlight();
    }
}
