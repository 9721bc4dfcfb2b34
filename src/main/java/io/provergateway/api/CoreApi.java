package io.provergateway.api;

import java.io.IOException;
import java.io.InputStream;

/** The core's proof data handler (spec §3), as the gateway uses it. Failures are {@link CoreApiException}. */
public interface CoreApi {

    /**
     * {@code POST /proof_generation_data} with body {@code {}}; hands the (decompressed, size-limited) response body
     * to {@code reader} while it streams in and returns what the reader returns.
     */
    <T> T fetchProofGenerationData(BodyReader<T> reader);

    /** {@code POST /submit_proof/{n}} with an already rendered {@code SubmitProofRequest} body. */
    SubmitOutcome submitProof(long l1BatchNumber, byte[] requestJson);

    /** Shutdown: aborts exchanges in flight (the callers see a transport failure) and refuses new ones. */
    void abortInFlight();

    /** Consumes a response body stream. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }
}
