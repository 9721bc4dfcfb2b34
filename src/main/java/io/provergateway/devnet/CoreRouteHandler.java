package io.provergateway.devnet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POST route of the simulated core: checks the method and the path, plays any queued fault, then serves.
 * Every exchange is closed afterwards; closing one that got no response drops the connection.
 */
abstract class CoreRouteHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(CoreRouteHandler.class);

    private final CoreRoute route;
    private final FaultPlan faults;

    CoreRouteHandler(CoreRoute route, FaultPlan faults) {
        this.route = route;
        this.faults = faults;
    }

    @Override
    public final void handle(HttpExchange exchange) {
        try {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                replyText(exchange, 405, "");
                return;
            }
            Optional<CoreFault> fault = faults.next(route);
            if (fault.isPresent() && fault.get().apply(exchange)) {
                log.info("core-sim fault={} route={}", fault.get(), route);
                return;
            }
            serve(exchange);
        } catch (IOException e) {
            log.debug("core-sim client went away route={} error={}", route, e.toString());
        } catch (RuntimeException e) {
            log.error("core-sim handler failed route={}", route, e);
        } finally {
            exchange.close();
        }
    }

    /** Serves a POST to this route; the exchange is closed by the caller. */
    protected abstract void serve(HttpExchange exchange) throws IOException;

    /** True if the request declares a JSON body, as axum's {@code Json} extractor requires; answers 415 if not. */
    static boolean requireJson(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.toLowerCase().startsWith("application/json")) {
            return true;
        }
        replyText(exchange, 415, "Expected request with `Content-Type: application/json`");
        return false;
    }

    static void replyText(HttpExchange exchange, int status, String text) throws IOException {
        reply(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static void replyJson(HttpExchange exchange, String json) throws IOException {
        reply(exchange, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
