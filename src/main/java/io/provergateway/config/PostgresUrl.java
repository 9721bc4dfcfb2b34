package io.provergateway.config;

import java.util.Optional;

/**
 * A database URL in the Rust form {@code postgres://user[:password]@host[:port]/db[?params]} (also
 * {@code postgresql://} and {@code jdbc:postgresql://}), split into a JDBC URL without credentials, user and password.
 * {@link #toString()} masks the password.
 */
public record PostgresUrl(String jdbcUrl, Optional<String> user, Optional<Secret> password) {

    /** Parses a URL given under an unnamed setting; see {@link #parse(String, String)}. */
    public static PostgresUrl parse(String url) {
        return parse(url, "database URL");
    }

    /**
     * Parses {@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql://} URLs: percent-decoded user and
     * password (also from {@code user=} / {@code password=} parameters), IPv6 hosts in brackets, port 5432 by default,
     * libpq parameters that pgjdbc understands (e.g. {@code sslmode}) carried over. Errors name {@code key} and show the
     * URL with the password masked.
     */
    public static PostgresUrl parse(String url, String key) {
        return new PostgresUrlParser(key, url).parse();
    }

    @Override
    public String toString() {
        return jdbcUrl + user.map(u -> " user=" + u).orElse("") + password.map(p -> " password=***").orElse("");
    }
}
