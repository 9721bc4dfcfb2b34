package io.provergateway.store;

import com.google.api.client.http.HttpContent;
import com.google.api.client.http.HttpExecuteInterceptor;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.DefaultConnectionFactory;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;
import com.google.cloud.ServiceOptions;
import com.google.cloud.http.HttpTransportOptions;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the silence of GCS request bodies. The Java HTTP transport has a read timeout but no write timeout, so an
 * upload to a server that accepts the connection and then stops reading would block a socket write forever. Every
 * request body is written through a stream that records progress (in slices of 64 KiB, so one large chunk write
 * still reports as it moves); when no slice has been accepted for the stall limit, the request's connection is
 * closed ({@link HttpURLConnection#disconnect()} closes the socket, which ends the blocked write with an
 * {@link IOException}), the attempt fails as a retriable I/O error and {@link RetryingBlobStore} retries it. A body
 * that keeps moving is never cut, however long it takes.
 *
 * <p>Why closing the connection rather than the alternatives: running the client call on a worker that the attempt
 * abandons would leave that worker blocked in the write for as long as the server holds the socket (a leaked thread
 * per stalled attempt); google-http-client's own write timeout bounds the whole body rather than its silence (it
 * would cut a slow 16 MiB chunk that is moving) and then closes the stream under the lock the stuck write holds.
 * Closing the socket ends the stalled write on the thread that made it: no thread is abandoned. The only thread
 * added is one shared daemon ticker per process, which checks the bodies in flight every 200 ms.
 *
 * <p>The connection is paired with its body through the calling thread: google-http-client opens the connection
 * and writes the body on the same thread (no write timeout is set, so it spawns no writer).
 */
final class GcsUploadWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(GcsUploadWatchdog.class);
    private static final int SLICE = 64 * 1024;
    private static final long TICK_MILLIS = 200;
    private static final Set<Watch> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gcs-upload-watchdog");
        t.setDaemon(true);
        return t;
    });

    static {
        TICKER.scheduleWithFixedDelay(GcsUploadWatchdog::check, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private final Duration stall;
    private final ThreadLocal<HttpURLConnection> opened = new ThreadLocal<>();

    GcsUploadWatchdog(Duration stall) {
        this.stall = stall;
    }

    /** The client's transport options: these timeouts, a transport that remembers its connections, watched bodies. */
    HttpTransportOptions transportOptions(int connectMillis, int readMillis) {
        DefaultConnectionFactory connections = new DefaultConnectionFactory();
        NetHttpTransport transport = new NetHttpTransport.Builder().setConnectionFactory(url -> {
            HttpURLConnection connection = connections.openConnection(url);
            opened.set(connection);
            return connection;
        }).build();
        HttpTransportFactory factory = () -> transport;
        return new Options(HttpTransportOptions.newBuilder().setConnectTimeout(connectMillis)
                .setReadTimeout(readMillis).setHttpTransportFactory(factory), this);
    }

    private HttpRequestInitializer watching(HttpRequestInitializer base) {
        return request -> {
            base.initialize(request);
            HttpExecuteInterceptor previous = request.getInterceptor();
            request.setInterceptor(r -> {
                if (previous != null) {
                    previous.intercept(r);
                }
                HttpContent content = r.getContent();
                if (content != null && !(content instanceof WatchedContent)) {
                    r.setContent(new WatchedContent(content));
                }
            });
        };
    }

    private static void check() {
        long now = System.nanoTime();
        for (Watch watch : ACTIVE) {
            if (!watch.fired && now - watch.lastProgress > watch.owner.stall.toNanos()) {
                watch.fired = true;
                LOG.warn("gcs_upload_stalled no byte accepted for {} s; closing the connection",
                        watch.owner.stall.toSeconds());
                try {
                    watch.connection.disconnect();
                } catch (RuntimeException e) {
                    LOG.debug("closing a stalled GCS connection failed", e);
                }
            }
        }
    }

    private static final class Watch {
        final GcsUploadWatchdog owner;
        final HttpURLConnection connection;
        volatile long lastProgress = System.nanoTime();
        volatile boolean fired;

        Watch(GcsUploadWatchdog owner, HttpURLConnection connection) {
            this.owner = owner;
            this.connection = connection;
        }
    }

    /** A request body whose writes are watched for silence. */
    private final class WatchedContent implements HttpContent {
        private final HttpContent delegate;

        WatchedContent(HttpContent delegate) {
            this.delegate = delegate;
        }

        @Override
        public long getLength() throws IOException {
            return delegate.getLength();
        }

        @Override
        public String getType() {
            return delegate.getType();
        }

        @Override
        public boolean retrySupported() {
            return delegate.retrySupported();
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            HttpURLConnection connection = opened.get();
            opened.remove();
            if (connection == null) {
                delegate.writeTo(out);
                return;
            }
            Watch watch = new Watch(GcsUploadWatchdog.this, connection);
            ACTIVE.add(watch);
            try {
                delegate.writeTo(new Sliced(out, watch));
            } catch (IOException e) {
                if (watch.fired) {
                    // no cause, so that the error names the stall rather than the closed socket's symptom
                    IOException stalled = new IOException("upload stalled: no byte accepted for "
                            + stall.toSeconds() + " s (stall limit), connection closed");
                    stalled.addSuppressed(e);
                    throw stalled;
                }
                throw e;
            } finally {
                ACTIVE.remove(watch);
            }
        }
    }

    private static final class Sliced extends FilterOutputStream {
        private final Watch watch;

        Sliced(OutputStream out, Watch watch) {
            super(out);
            this.watch = watch;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            watch.lastProgress = System.nanoTime();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int done = 0; done < len; done += SLICE) {
                out.write(b, off + done, Math.min(SLICE, len - done));
                watch.lastProgress = System.nanoTime();
            }
        }
    }

    /** Transport options whose request initializer watches every request body. */
    private static final class Options extends HttpTransportOptions {
        private static final long serialVersionUID = 1L;
        private final transient GcsUploadWatchdog watchdog;

        Options(HttpTransportOptions.Builder builder, GcsUploadWatchdog watchdog) {
            super(builder);
            this.watchdog = watchdog;
        }

        @Override
        public HttpRequestInitializer getHttpRequestInitializer(ServiceOptions<?, ?> serviceOptions) {
            return watchdog.watching(super.getHttpRequestInitializer(serviceOptions));
        }
    }
}
