package io.provergateway.devnet;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A misbehaviour the core simulator can be told to show instead of (or before) answering a request. */
public sealed interface CoreFault {

    /** Answers the status with the plain-text body upstream uses for it (502: the DB error). */
    static CoreFault httpStatus(int status) {
        return new Status(status);
    }

    /** Waits {@code delay}, then answers normally (or not at all, if the client gave up). */
    static CoreFault hang(Duration delay) {
        return new Hang(delay);
    }

    /** 200 with a body that is not JSON. */
    static CoreFault garbageJson() {
        return new GarbageJson();
    }

    /** An HTML error page from a proxy in front of the core. */
    static CoreFault htmlPage(int status) {
        return new HtmlPage(status);
    }

    /** Closes the connection without a response, like an upstream handler panic. */
    static CoreFault dropConnection() {
        return new DropConnection();
    }

    /** Applies the fault; returns true if the request is answered (or dropped) and must not be served. */
    boolean apply(HttpExchange exchange) throws IOException;

    record Status(int status) implements CoreFault {
        @Override
        public boolean apply(HttpExchange exchange) throws IOException {
            String body = switch (status) {
                case 500 -> "An internal error occurred";
                case 502 -> "Failed fetching/saving from db";
                default -> "Simulated failure " + status;
            };
            CoreRouteHandler.replyText(exchange, status, body);
            return true;
        }
    }

    record Hang(Duration delay) implements CoreFault {
        @Override
        public boolean apply(HttpExchange exchange) {
            try {
                Thread.sleep(delay.toMillis());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }

    record GarbageJson() implements CoreFault {
        @Override
        public boolean apply(HttpExchange exchange) throws IOException {
            byte[] body = "{\"Success\":{\"l1_batch_number\":".getBytes(StandardCharsets.UTF_8);
            CoreRouteHandler.reply(exchange, 200, "application/json", body);
            return true;
        }
    }

    record HtmlPage(int status) implements CoreFault {
        @Override
        public boolean apply(HttpExchange exchange) throws IOException {
            String page = "<html><head><title>" + status + " Bad Gateway</title></head><body><center><h1>" + status
                    + " Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n";
            CoreRouteHandler.reply(exchange, status, "text/html", page.getBytes(StandardCharsets.UTF_8));
            return true;
        }
    }

    record DropConnection() implements CoreFault {
        @Override
        public boolean apply(HttpExchange exchange) {
            return true;
        }
    }
}
