package io.provergateway.devnet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.provergateway.wire.ProofGenerationData;
import io.provergateway.wire.ProofGenerationDataJson;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /proof_generation_data}: locks the next batch and streams its data, or {@code {"Success":null}}. */
final class ProofDataHandler extends CoreRouteHandler {
    static final String PATH = "/proof_generation_data";
    private static final Logger log = LoggerFactory.getLogger(ProofDataHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BatchLedger ledger;
    private final WitnessDataGenerator generator;
    private final BatchEvents events;

    ProofDataHandler(BatchLedger ledger, WitnessDataGenerator generator, FaultPlan faults, BatchEvents events) {
        super(CoreRoute.PROOF_GENERATION_DATA, faults);
        this.ledger = ledger;
        this.generator = generator;
        this.events = events;
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            replyText(exchange, 404, "");
            return;
        }
        if (!requireJson(exchange) || !requireObjectBody(exchange)) {
            return;
        }
        OptionalLong batch = ledger.lockNext();
        Optional<ProofGenerationData> data = batch.isPresent()
                ? Optional.of(generator.generate(batch.getAsLong()))
                : Optional.empty();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        CountingStream counter = new CountingStream(exchange.getResponseBody());
        try (OutputStream out = new BufferedOutputStream(counter, 1 << 16)) {
            ProofGenerationDataJson.writeResponse(data, out);
        }
        if (batch.isPresent()) {
            log.info("core-sim handed out batch={} bytes={}", batch.getAsLong(), counter.count);
            events.fetched(batch.getAsLong(), counter.count);
        }
    }

    /** The request is {@code ProofGenerationDataRequest {}}: any JSON object (serde ignores unknown fields). */
    private static boolean requireObjectBody(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            replyText(exchange, 400, "Failed to parse the request body as JSON: " + e.getOriginalMessage());
            return false;
        }
        if (body == null || body.isMissingNode()) {
            replyText(exchange, 400, "Failed to parse the request body as JSON: EOF while parsing a value");
            return false;
        }
        if (!body.isObject()) {
            replyText(exchange, 422, "Failed to deserialize the JSON body into the target type: expected an object");
            return false;
        }
        return true;
    }

    private static final class CountingStream extends FilterOutputStream {
        private long count;

        private CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
