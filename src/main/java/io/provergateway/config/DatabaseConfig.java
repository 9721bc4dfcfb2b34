package io.provergateway.config;

/** The prover database: the parsed URL (password kept secret) and the pool size ({@code DATABASE_POOL_SIZE}). */
public record DatabaseConfig(PostgresUrl url, int poolSize) {}
