package io.provergateway.config;

import java.util.Optional;

/**
 * A database URL in the Rust form {@code postgres://user[:password]@host[:port]/db[?params]} (also
 * {@code postgresql://} and {@code jdbc:postgresql://}), split into a JDBC URL without credentials, user and password.
 * {@link #toString()} masks the password.
 */
public record PostgresUrl(String jdbcUrl, Optional<String> user, Optional<Secret> password) {

    @Override
    public String toString() {
        return jdbcUrl + user.map(u -> " user=" + u).orElse("") + password.map(p -> " password=***").orElse("");
    }
}
