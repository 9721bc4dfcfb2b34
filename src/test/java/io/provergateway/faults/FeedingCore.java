package io.provergateway.faults;

import io.provergateway.api.CoreApi;
import io.provergateway.api.CoreApiException;
import io.provergateway.api.SubmitOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** A {@link CoreApi} without HTTP: each data request is answered with the body set last. */
final class FeedingCore implements CoreApi {
    private volatile byte[] body = "{\"Success\":null}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    void answerWith(byte[] next) {
        body = next;
    }

    @Override
    public <T> T fetchProofGenerationData(BodyReader<T> reader) {
        try {
            return reader.read(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new CoreApiException("transport", "reading the fed body failed: " + e, e);
        }
    }

    @Override
    public SubmitOutcome submitProof(long l1BatchNumber, byte[] requestJson) {
        throw new UnsupportedOperationException("the fetcher never submits");
    }

    @Override
    public void abortInFlight() {}
}
