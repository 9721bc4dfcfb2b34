package io.provergateway.devnet;

import com.sun.net.httpserver.HttpExchange;
import io.provergateway.wire.Bytes32;
import io.provergateway.wire.L1BatchProof;
import io.provergateway.wire.MalformedPayloadException;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.SubmitProofRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /submit_proof/{n}}: verifies the proof's coords against what the core expects for batch n, then
 * records the batch as generated (or skipped). Resubmitting is idempotent.
 */
final class SubmitProofHandler extends CoreRouteHandler {
    static final String PREFIX = "/submit_proof/";
    private static final Logger log = LoggerFactory.getLogger(SubmitProofHandler.class);
    private static final long MAX_U32 = 0xFFFF_FFFFL;

    private final BatchLedger ledger;
    private final long seed;
    private final AtomicReference<SubmitRejection> rejection;
    private final BatchEvents events;

    SubmitProofHandler(BatchLedger ledger, long seed, AtomicReference<SubmitRejection> rejection, FaultPlan faults,
            BatchEvents events) {
        super(CoreRoute.SUBMIT_PROOF, faults);
        this.ledger = ledger;
        this.seed = seed;
        this.rejection = rejection;
        this.events = events;
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        String segment = exchange.getRequestURI().getPath().substring(PREFIX.length());
        OptionalLong batch = parseU32(segment);
        if (batch.isEmpty()) {
            replyText(exchange, 400, "Invalid URL: Cannot parse `" + segment + "` to a `u32`");
            return;
        }
        if (!requireJson(exchange)) {
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        SubmitProofRequest request;
        try {
            request = ProofCodec.readSubmitRequestJson(new ByteArrayInputStream(body));
        } catch (MalformedPayloadException e) {
            replyText(exchange, 422, "Failed to deserialize the JSON body into the target type: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            replyText(exchange, 400, "Failed to parse the request body as JSON: " + e.getMessage());
            return;
        }
        submit(exchange, batch.getAsLong(), request, body.length);
    }

    private void submit(HttpExchange exchange, long n, SubmitProofRequest request, long bytes) throws IOException {
        if (!ledger.exists(n)) {
            // Upstream: the UPDATE touches no row, a DAL error.
            replyText(exchange, 502, "Failed fetching/saving from db");
            return;
        }
        boolean skipped = request instanceof SubmitProofRequest.SkippedProofGeneration;
        if (request instanceof SubmitProofRequest.Proof proof) {
            List<Bytes32> expected = AggregationCoords.expectedCoords(seed, n);
            if (!proof.proof().aggregationResultCoords().equals(expected)) {
                reject(exchange, n, proof.proof(), expected);
                return;
            }
            ledger.markGenerated(n, proof.proof());
        } else {
            ledger.markSkipped(n);
        }
        log.info("core-sim accepted batch={} skipped={} bytes={}", n, skipped, bytes);
        events.acknowledged(n, skipped, bytes);
        replyJson(exchange, "\"Success\"");
    }

    private void reject(HttpExchange exchange, long n, L1BatchProof proof, List<Bytes32> expected) throws IOException {
        String reason = "Auxilary output doesn't match, server values: " + expected + " prover values: "
                + proof.aggregationResultCoords();
        ledger.countRejection(n);
        SubmitRejection mode = rejection.get();
        log.warn("core-sim rejected batch={} mode={} reason=coords-mismatch", n, mode);
        events.rejected(n, "aggregation result coords do not match");
        switch (mode) {
            case BAD_GATEWAY -> replyText(exchange, 502, reason);
            case ERROR_RESPONSE -> replyJson(exchange, "{\"Error\":\"" + reason + "\"}");
            case DROP_CONNECTION -> { }
        }
    }

    /** Parses a decimal u32 as axum's {@code Path<u32>} does. */
    private static OptionalLong parseU32(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(text);
        return value <= MAX_U32 ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
