package io.provergateway.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.luben.zstd.ZstdInputStream;
import io.provergateway.config.ApiConfig;
import io.provergateway.metrics.TransferProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * {@link CoreApi} over HTTP/1.1 ({@link HttpURLConnection}: its read timeout is exactly "no bytes for that long", so
 * a slow but steady body never times out). URLs are built by string concatenation, as upstream does. Asks for zstd
 * responses (the core compresses with zstd when asked), caps the body size, sends the optional bearer token.
 */
public final class CoreHttpClient implements CoreApi {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int SNIPPET_CHARS = 200;

    private final ApiConfig config;
    private final String fetchUrl;
    private final String submitUrlPrefix;
    private final SSLSocketFactory tls;
    private final boolean acceptZstd;
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    /** Threads that read response bodies ahead of their readers: daemons, gone after 30 s without work. */
    private final ExecutorService readAheadThreads = readAheadThreads();
    private volatile boolean closed;

    public CoreHttpClient(ApiConfig config, boolean acceptZstd) {
        this.config = config;
        this.fetchUrl = config.baseUrl() + "/proof_generation_data";
        this.submitUrlPrefix = config.baseUrl() + "/submit_proof/";
        this.tls = config.caCertPath().map(TlsTrust::socketFactory).orElse(null);
        this.acceptZstd = acceptZstd;
    }

    @Override
    public <T> T fetchProofGenerationData(BodyReader<T> reader) {
        return exchange(fetchUrl, "{}".getBytes(StandardCharsets.UTF_8), acceptZstd, true, reader);
    }

    @Override
    public SubmitOutcome submitProof(long l1BatchNumber, byte[] requestJson) {
        String url = submitUrlPrefix + l1BatchNumber;
        return exchange(url, requestJson, false, false, body -> parseSubmitResponse(url, body));
    }

    @Override
    public void abortInFlight() {
        refuseNewExchanges();
        inFlight.forEach(exchange -> exchange.connection.disconnect());
    }

    /** Shutdown, first step: exchanges in flight go on, new ones are refused. */
    public void refuseNewExchanges() {
        closed = true;
    }

    /**
     * Shutdown: cuts every exchange in flight that has moved no byte (sent or received) for {@code silence}; the
     * others go on. Returns how many exchanges are still in flight.
     */
    public int cutSilentExchanges(Duration silence) {
        long now = System.nanoTime();
        for (Exchange exchange : inFlight) {
            if (now - exchange.lastProgress >= silence.toNanos()) {
                exchange.connection.disconnect();
                inFlight.remove(exchange);
            }
        }
        return inFlight.size();
    }

    private <T> T exchange(String url, byte[] requestBody, boolean zstd, boolean readAhead, BodyReader<T> reader) {
        Exchange exchange = new Exchange(open(url, requestBody.length, zstd));
        HttpURLConnection connection = exchange.connection;
        inFlight.add(exchange);
        boolean clean = false;
        try {
            try (OutputStream out = connection.getOutputStream()) {
                out.write(requestBody);
            }
            exchange.progressed();
            int status = connection.getResponseCode();
            exchange.progressed();
            if (status < 200 || status > 299) {
                throw new CoreHttpStatusException(url, status, snippet(connection.getErrorStream()));
            }
            checkHeaders(url, connection);
            T result = read(exchange, readAhead, reader);
            clean = true;
            return result;
        } catch (UncheckedIOException e) {
            throw transportFailure(url, e.getCause());
        } catch (IOException e) {
            throw transportFailure(url, e);
        } catch (LocalFailure e) {
            throw e.original();
        } finally {
            inFlight.remove(exchange);
            if (!clean) {
                connection.disconnect();
            }
        }
    }

    /**
     * Hands the body to the reader. An I/O failure the reader reports that did not come out of the body stream is
     * the reader's own (e.g. the spool disk is full): it is passed on as it is, not as a failure of the core. With
     * {@code readAhead} (the large proof generation data), socket reads and decompression run on a second thread.
     */
    private <T> T read(Exchange exchange, boolean readAhead, BodyReader<T> reader) throws IOException {
        InputStream raw = body(exchange.connection);
        ProgressInputStream body = new ProgressInputStream(readAhead
                ? ReadAheadInputStream.start(raw, readAheadThreads) : raw, exchange);
        try (body) {
            return reader.read(body);
        } catch (IOException | UncheckedIOException e) {
            if (body.failed()) {
                throw e;
            }
            throw new LocalFailure(e instanceof IOException io ? new UncheckedIOException(io)
                    : (UncheckedIOException) e);
        }
    }

    private HttpURLConnection open(String url, int bodyLength, boolean zstd) {
        if (closed) {
            throw new CoreApiException("transport", "client is shutting down; not sending POST " + url, null);
        }
        try {
            URL target = URI.create(url).toURL();
            HttpURLConnection connection = (HttpURLConnection) target.openConnection();
            if (tls != null && connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(tls);
            }
            connection.setConnectTimeout(millis(config.connectTimeout().toMillis()));
            connection.setReadTimeout(millis(config.requestTimeout().toMillis()));
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setUseCaches(false);
            connection.setFixedLengthStreamingMode(bodyLength);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Accept", "application/json");
            connection.setRequestProperty("User-Agent", "prover-gateway");
            if (zstd) {
                connection.setRequestProperty("Accept-Encoding", "zstd");
            }
            config.token().ifPresent(t -> connection.setRequestProperty("Authorization", "Bearer " + t.reveal()));
            return connection;
        } catch (IOException | IllegalArgumentException e) {
            throw new CoreApiException("transport", "cannot open " + url + ": " + e.getMessage(), e);
        }
    }

    /** The Content-Type is not checked, as reqwest's {@code .json()} does not check it; the body decides. */
    private void checkHeaders(String url, HttpURLConnection connection) {
        long length = connection.getContentLengthLong();
        if (length > config.maxResponseBytes()) {
            throw new CoreApiException("too_large", "POST " + url + " announced a body of " + length
                    + " bytes, over the limit of " + config.maxResponseBytes()
                    + " (FRI_PROVER_GATEWAY_MAX_RESPONSE_BYTES)", null);
        }
    }

    private InputStream body(HttpURLConnection connection) throws IOException {
        InputStream raw = new LimitedInputStream(TransferProgress.reading(connection.getInputStream(),
                "download " + connection.getURL(), connection.getContentLengthLong()), config.maxResponseBytes());
        String encoding = connection.getContentEncoding();
        if (encoding == null || encoding.equalsIgnoreCase("identity")) {
            return raw;
        }
        if (encoding.equalsIgnoreCase("zstd")) {
            return new LimitedInputStream(new ZstdInputStream(raw), config.maxResponseBytes());
        }
        raw.close();
        throw new IOException("unsupported Content-Encoding \"" + encoding + "\"");
    }

    private CoreApiException transportFailure(String url, Throwable cause) {
        if (cause instanceof LimitedInputStream.TooLargeException) {
            return new CoreApiException("too_large", "POST " + url + ": " + cause.getMessage(), cause);
        }
        if (cause instanceof SocketTimeoutException) {
            return new CoreApiException("timeout", "POST " + url + " timed out: " + cause.getMessage()
                    + " (connect " + config.connectTimeout().toSeconds() + " s, silence "
                    + config.requestTimeout().toSeconds() + " s)", cause);
        }
        return new CoreApiException("transport", "POST " + url + " failed: " + cause, cause);
    }

    static SubmitOutcome parseSubmitResponse(String url, InputStream body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            SubmitOutcome outcome = null;
            if (first == JsonToken.VALUE_STRING && parser.getText().equals("Success")) {
                outcome = new SubmitOutcome.Acknowledged();
            } else if (first == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
                    && parser.currentName().equals("Error") && parser.nextToken() == JsonToken.VALUE_STRING) {
                String message = parser.getText();
                if (parser.nextToken() == JsonToken.END_OBJECT) {
                    outcome = new SubmitOutcome.Rejected(message);
                }
            }
            if (outcome == null || parser.nextToken() != null) {
                throw badReply(url, "expected \"Success\" or {\"Error\":\"...\"}", null);
            }
            return outcome;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw badReply(url, "not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static CoreApiException badReply(String url, String problem, Throwable cause) {
        return new CoreApiException("bad_reply", "POST " + url + " answered an unexpected body: " + problem, cause);
    }

    private static String snippet(InputStream errorBody) {
        if (errorBody == null) {
            return "";
        }
        try (InputStream in = errorBody) {
            String text = new String(in.readNBytes(SNIPPET_CHARS * 4), StandardCharsets.UTF_8);
            String flat = text.replaceAll("[\\p{Cntrl}]+", " ").strip();
            return flat.length() > SNIPPET_CHARS ? flat.substring(0, SNIPPET_CHARS) + "..." : flat;
        } catch (IOException e) {
            return "";
        }
    }

    /** One exchange in flight and when it last moved a byte. */
    private static final class Exchange {
        final HttpURLConnection connection;
        volatile long lastProgress = System.nanoTime();

        Exchange(HttpURLConnection connection) {
            this.connection = connection;
        }

        void progressed() {
            lastProgress = System.nanoTime();
        }
    }

    /** The body as the reader sees it: notes progress, and whether a failure came out of it. */
    private static final class ProgressInputStream extends java.io.FilterInputStream {
        private final Exchange exchange;
        private boolean failed;

        ProgressInputStream(InputStream in, Exchange exchange) {
            super(in);
            this.exchange = exchange;
        }

        boolean failed() {
            return failed;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                exchange.progressed();
                return b;
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int n = super.read(buffer, offset, length);
                exchange.progressed();
                return n;
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }
    }

    /** Carries a reader's own I/O failure past the transport-failure handling. */
    private static final class LocalFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LocalFailure(UncheckedIOException original) {
            super(original);
        }

        UncheckedIOException original() {
            return (UncheckedIOException) getCause();
        }
    }

    private static int millis(long value) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, value));
    }

    private static ExecutorService readAheadThreads() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "core-read-ahead");
                    thread.setDaemon(true);
                    return thread;
                });
        return executor;
    }
}
