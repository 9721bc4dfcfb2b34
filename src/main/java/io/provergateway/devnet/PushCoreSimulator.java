package io.provergateway.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.provergateway.wire.Bytes32;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upstream core's proof data handler in push mode (push-mode spec §3.3, §3.4), pointed at a gateway: a
 * submitter pushing the lowest ready batch back to back (and a batch again once its proof generation timeout has
 * passed without a proof), and a fetcher polling for the oldest unproven batch every fetch interval (also with chain
 * id 0), checking the proof's coords.
 */
public final class PushCoreSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PushCoreSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code gatewayUrl} is concatenated with the route as upstream does; intervals as {@code data_handler}'s. */
    public record Settings(String gatewayUrl, long chainId, long seed, CommitmentMode mode, long firstBatch,
            Duration proofGenerationTimeout, Duration submitInterval, Duration fetchInterval, BatchEvents events) {
        public static Settings defaults(String gatewayUrl) {
            return new Settings(gatewayUrl, 270, 1, CommitmentMode.ROLLUP, 1, Duration.ofMinutes(1),
                    Duration.ofSeconds(10), Duration.ofSeconds(10), BatchEvents.NONE);
        }

        public Settings with(long seedValue, CommitmentMode modeValue, Duration timeout, Duration submit,
                Duration fetch, BatchEvents eventsValue) {
            return new Settings(gatewayUrl, chainId, seedValue, modeValue, firstBatch, timeout, submit, fetch,
                    eventsValue);
        }
    }

    private final Settings settings;
    private final PushCoreBatches batches;
    private final WitnessDataGenerator generator;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread submitter = new Thread(this::submitLoop, "core-sim-submitter");
    private final Thread fetcher = new Thread(this::fetchLoop, "core-sim-fetcher");

    public PushCoreSimulator(Settings settings, int batchCount) {
        this.settings = settings;
        this.batches = new PushCoreBatches(settings.firstBatch(), batchCount);
        this.generator = new WitnessDataGenerator(settings.seed(), settings.mode());
    }

    public PushCoreSimulator start() {
        submitter.setDaemon(true);
        fetcher.setDaemon(true);
        submitter.start();
        fetcher.start();
        return this;
    }

    public List<Long> batchNumbers() {
        return batches.numbers();
    }

    /** How many pushes the gateway accepted in all, re-pushes included. */
    public int acceptedPushes() {
        return batches.acceptedPushes();
    }

    private void submitLoop() {
        while (stop.getCount() > 0) {
            var next = batches.lockNext(Instant.now(), settings.proofGenerationTimeout());
            if (next.isPresent() && push(next.getAsLong())) {
                continue; // upstream pushes every ready batch back to back
            }
            next.ifPresent(batches::unlock);
            await(settings.submitInterval());
        }
    }

    private boolean push(long n) {
        byte[] body = PushRequestJson.write(generator.generate(n), settings.chainId(), sealedAt(n));
        try {
            HttpResponse<String> response = client.send(request("/submit_request_for_proofs", body),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2 || !response.body().strip().equals("null")) {
                log.warn("core-sim push refused batch={} status={} body={}", n, response.statusCode(),
                        abbreviate(response.body()));
                return false;
            }
            batches.pushed(n);
            settings.events().fetched(n, body.length);
            return true;
        } catch (IOException e) {
            log.warn("core-sim push failed batch={} error={}", n, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void fetchLoop() {
        while (stop.getCount() > 0) {
            batches.oldestNotGenerated().ifPresent(this::fetch);
            await(settings.fetchInterval()); // upstream sleeps after every iteration
        }
    }

    private void fetch(long n) {
        try {
            JsonNode proof = poll(settings.chainId(), n);
            if (proof == null && settings.chainId() != 0) {
                proof = poll(0, n); // fetch_zero_chain_id_proofs, upstream's default
            }
            if (proof != null) {
                accept(n, proof);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("core-sim poll failed batch={} error={}", n, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode poll(long chainId, long n) throws IOException, InterruptedException {
        byte[] body = ("{\"l1_batch_id\":{\"chain_id\":" + chainId + ",\"batch_number\":" + n + "}}").getBytes();
        HttpResponse<byte[]> response = client.send(request("/poll_generated_proofs", body),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("poll of batch " + n + " answered " + response.statusCode());
        }
        JsonNode answer = JSON.readTree(response.body());
        if (answer.isNull()) {
            return null;
        }
        long answeredChain = answer.path("l1_batch_id").path("chain_id").asLong(-1);
        if (chainId != 0 && answeredChain != settings.chainId()) {
            throw new IOException("proof of batch " + n + " is for chain " + answeredChain);
        }
        batches.addProofBytes(response.body().length);
        return answer.get("proof");
    }

    /** Compares the coords as the core does (a mismatch panics the core there; here it is reported). */
    private void accept(long n, JsonNode proof) {
        List<Bytes32> expected = AggregationCoords.expectedCoords(settings.seed(), n);
        JsonNode coords = proof.path("aggregation_result_coords");
        for (int i = 0; i < expected.size(); i++) {
            for (int b = 0; b < Bytes32.LENGTH; b++) {
                if (coords.path(i).path(b).asInt(-1) != (expected.get(i).get(b) & 0xFF)) {
                    batches.rejected(n);
                    settings.events().failed(n, "aggregation_result_coords[" + i + "] of the fetched proof do not"
                            + " match the batch (the upstream core panics on this)");
                    return;
                }
            }
        }
        if (batches.generated(n)) {
            settings.events().acknowledged(n, false, proof.toString().length());
        }
    }

    private HttpRequest request(String route, byte[] body) {
        return HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + route)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static Instant sealedAt(long n) {
        return Instant.parse("2026-06-30T08:00:00Z").plusMillis(n * 1_234_567L);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private void await(Duration duration) {
        try {
            stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop.countDown();
        for (Thread thread : new Thread[] {submitter, fetcher}) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
