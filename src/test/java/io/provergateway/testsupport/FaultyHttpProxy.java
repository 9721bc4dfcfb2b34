package io.provergateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 pass-through on 127.0.0.1 in front of a real server, one request per connection (it adds
 * {@code Connection: close} both ways, so the client cannot reuse a connection past an injected fault). The next
 * {@link #failNext} requests are answered with a 503 and an S3-style XML error instead of being forwarded. The bytes
 * of forwarded requests are untouched otherwise, so signatures (SigV4 signs the host, not {@code Connection}) hold.
 */
public final class FaultyHttpProxy implements AutoCloseable {
    private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger stalls = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    public FaultyHttpProxy(URI target) {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::acceptLoop);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The next {@code count} requests get a 503 without reaching the server. */
    public void failNext(int count) {
        faults.set(count);
    }

    /** The next {@code count} requests get no answer at all: the connection stays open and silent for a minute. */
    public void stallNext(int count) {
        stalls.set(count);
    }

    /** Requests answered with an injected fault (or stalled) so far. */
    public int injected() {
        return injected.get();
    }

    /** All requests seen, faulted or forwarded. */
    public int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            requests.incrementAndGet();
            if (stalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                injected.incrementAndGet();
                silence(client);
                return;
            }
            if (faults.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                injected.incrementAndGet();
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>ServiceUnavailable</Code>"
                        + "<Message>injected fault</Message></Error>").getBytes(StandardCharsets.UTF_8);
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/xml\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return;
            }
            forward(client, in, head);
        } catch (IOException ignored) {
            // the client or the server went away; so does this exchange
        }
    }

    private void forward(Socket client, InputStream clientIn, String head) throws IOException {
        try (Socket upstream = new Socket()) {
            upstream.connect(target, 5000);
            OutputStream up = upstream.getOutputStream();
            up.write(withConnectionClose(head).getBytes(StandardCharsets.ISO_8859_1));
            up.flush();
            threads.execute(() -> {
                try {
                    clientIn.transferTo(up);
                } catch (IOException ignored) {
                    // upstream finished first
                }
            });
            InputStream upIn = upstream.getInputStream();
            OutputStream out = client.getOutputStream();
            String responseHead;
            do {
                responseHead = readHead(upIn);
                if (responseHead == null) {
                    return;
                }
                boolean interim = responseHead.startsWith("HTTP/1.1 1");
                out.write((interim ? responseHead : withConnectionClose(responseHead))
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (!interim) {
                    break;
                }
            } while (true);
            upIn.transferTo(out);
            out.flush();
        }
    }

    private static void silence(Socket client) throws IOException {
        client.setSoTimeout(60_000);
        try {
            client.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (java.net.SocketTimeoutException done) {
            // a minute of silence is enough for any test
        }
    }

    /** The head with any {@code Connection} header replaced by {@code Connection: close}. */
    private static String withConnectionClose(String head) {
        StringBuilder out = new StringBuilder();
        String[] lines = head.substring(0, head.length() - 4).split("\r\n");
        for (String line : lines) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                out.append(line).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString();
    }

    /** Bytes up to and including the blank line, or null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < HEAD_END.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == HEAD_END[matched] ? matched + 1 : (b == HEAD_END[0] ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
