package io.provergateway.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads samples from a running gateway's {@code /metrics}, as Prometheus would. */
final class MetricsScraper {
    static final String FETCHER_HTTP_ERRORS =
            "prover_fri_prover_fri_gateway_http_error{service_name=\"ProofGenDataFetcher\"}";
    static final String PROOFS_IN_BACKOFF = "prover_gateway_proofs_in_backoff";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    MetricsScraper(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/metrics");
    }

    /** The whole exposition text. */
    String scrape() {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted scraping " + uri, e);
        }
    }

    /** The value of the sample named exactly {@code series} (name plus label set as printed); 0 if absent. */
    double value(String series) {
        return scrape().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElse(0);
    }

    /** The sum over every sample of metric {@code name} whose labels contain all of {@code labelParts}. */
    double sum(String name, String... labelParts) {
        return scrape().lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> java.util.Arrays.stream(labelParts).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
