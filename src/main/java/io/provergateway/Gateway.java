package io.provergateway;

import io.provergateway.config.GatewayConfig;

/** Wires the gateway from its configuration and runs it until {@link #close()}. */
public final class Gateway implements AutoCloseable {

    private Gateway() {}

    /** Builds every part from {@code config}, checks the schema, starts the metrics listener and both loops. */
    public static Gateway start(GatewayConfig config) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Stops both loops (in-flight work finishes or is abandoned cleanly), then the listener and the pool. */
    @Override
    public void close() {}
}
