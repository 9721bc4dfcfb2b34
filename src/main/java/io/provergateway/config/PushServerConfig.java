package io.provergateway.config;

/**
 * The ProverCluster profile's HTTP server: bound on {@code host:port} ({@code prover_gateway.port}, required in this
 * profile as upstream; {@code listener_host} ours), refusing request bodies over {@code maxRequestBytes} with 413.
 */
public record PushServerConfig(String host, int port, long maxRequestBytes) {}
