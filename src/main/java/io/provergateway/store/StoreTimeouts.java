package io.provergateway.store;

import java.time.Duration;

/**
 * Per-attempt limits of the remote stores. {@code stall} bounds the silence on a connection (no byte sent or received
 * for that long aborts the attempt, which is then retriable); a transfer that keeps moving is never cut, however long
 * it takes. Upstream bounds each attempt at 300 s instead, which would cut a slow multi-GiB transfer.
 */
public record StoreTimeouts(Duration connect, Duration stall) {
    public static final StoreTimeouts DEFAULT = new StoreTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(120));
}
