package io.provergateway.config;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the URL forms sqlx and pgjdbc accept into a credential-free JDBC URL plus user and password. Every error names
 * the setting and shows the URL with its password masked.
 */
final class PostgresUrlParser {
    private static final int DEFAULT_PORT = 5432;
    /** libpq / sqlx query parameters that mean something to pgjdbc, with pgjdbc's name for them. */
    private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
            "sslmode", "sslmode",
            "sslrootcert", "sslrootcert",
            "sslcert", "sslcert",
            "sslkey", "sslkey",
            "application_name", "ApplicationName",
            "options", "options",
            "connect_timeout", "connectTimeout");
    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private final String key;
    private final String raw;
    private String host = "localhost";
    private int port = DEFAULT_PORT;
    private String database = "";
    private Optional<String> user = Optional.empty();
    private Optional<String> password = Optional.empty();
    private final Map<String, String> jdbcParams = new LinkedHashMap<>();

    PostgresUrlParser(String key, String raw) {
        this.key = key;
        this.raw = raw;
    }

    PostgresUrl parse() {
        String lower = raw.toLowerCase(Locale.ROOT);
        boolean jdbc = lower.startsWith("jdbc:postgresql://");
        String prefix = jdbc ? "jdbc:postgresql://" : lower.startsWith("postgres://") ? "postgres://"
                : lower.startsWith("postgresql://") ? "postgresql://" : null;
        if (prefix == null) {
            throw invalid("must start with postgres://, postgresql:// or jdbc:postgresql://");
        }
        String rest = raw.substring(prefix.length());
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        String query = question >= 0 ? rest.substring(question + 1) : "";
        String beforeQuery = question >= 0 ? rest.substring(0, question) : rest;
        int slash = beforeQuery.indexOf('/');
        parseAuthority(slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery);
        parseDatabase(slash >= 0 ? beforeQuery.substring(slash + 1) : "");
        parseQuery(query, jdbc);
        return new PostgresUrl(jdbcUrl(), user.filter(u -> !u.isEmpty()),
                password.filter(p -> !p.isEmpty()).map(Secret::new));
    }

    private void parseAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = Optional.of(percentDecode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, "user name"));
            if (colon >= 0) {
                password = Optional.of(percentDecode(userInfo.substring(colon + 1), "password"));
            }
        }
        parseHostAndPort(authority.substring(at + 1));
    }

    private void parseHostAndPort(String hostPort) {
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw invalid("has an IPv6 host without a closing ']'");
            }
            host = hostPort.substring(0, close + 1);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw invalid("has unexpected text after the IPv6 host");
            }
            portText = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = hostPort.indexOf(':');
            String name = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            portText = colon >= 0 ? hostPort.substring(colon + 1) : null;
            setHost(name.isEmpty() ? "localhost" : name);
        }
        if (portText != null) {
            port = parsePort(portText);
        }
    }

    private void setHost(String name) {
        if (!name.matches("[A-Za-z0-9._-]+") && !name.matches("\\[[0-9A-Fa-f:.]+]")) {
            throw invalid("has an invalid host (one host name, IPv4 address or [IPv6] address expected)");
        }
        host = name;
    }

    private int parsePort(String text) {
        if (text.matches("[0-9]{1,5}")) {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= 65_535) {
                return value;
            }
        }
        throw invalid("has an invalid port (1..65535 expected)");
    }

    private void parseDatabase(String path) {
        String name = percentDecode(path, "database name");
        if (name.contains("/")) {
            throw invalid("has a path with more than one segment (expected /database)");
        }
        database = name;
    }

    private void parseQuery(String query, boolean jdbc) {
        for (String pair : query.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = formDecode(eq >= 0 ? pair.substring(0, eq) : pair, "query parameter name");
            String value = formDecode(eq >= 0 ? pair.substring(eq + 1) : "", "query parameter " + name);
            applyParam(name, value, jdbc);
        }
        String sslmode = jdbcParams.get("sslmode");
        if (sslmode != null && !SSL_MODES.contains(sslmode)) {
            throw invalid("has sslmode=" + sslmode + " (expected one of " + String.join(", ", sortedSslModes()) + ")");
        }
    }

    private void applyParam(String name, String value, boolean jdbc) {
        switch (name) {
            case "user" -> user = Optional.of(value);
            case "password" -> password = Optional.of(value);
            case "host" -> {
                if (jdbc) {
                    jdbcParams.put(name, value);
                } else {
                    setHost(value);
                }
            }
            case "port" -> {
                if (jdbc) {
                    jdbcParams.put(name, value);
                } else {
                    port = parsePort(value);
                }
            }
            case "dbname" -> database = value;
            default -> {
                if (jdbc) {
                    jdbcParams.put(name, value);
                } else if (LIBPQ_TO_JDBC.containsKey(name)) {
                    jdbcParams.put(LIBPQ_TO_JDBC.get(name), value);
                }
            }
        }
    }

    private String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
                .append('/').append(encode(database));
        String separator = "?";
        for (Map.Entry<String, String> param : jdbcParams.entrySet()) {
            url.append(separator).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = "&";
        }
        return url.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String formDecode(String text, String what) {
        return percentDecode(text.replace('+', ' '), what);
    }

    private String percentDecode(String text, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                throw invalid("has a bad percent-escape in the " + what);
            }
            bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static java.util.List<String> sortedSslModes() {
        return SSL_MODES.stream().sorted().toList();
    }

    private ConfigException invalid(String why) {
        return new ConfigException(key + "=\"" + RedactedUrl.redact(raw) + "\" is not a valid PostgreSQL URL: " + why);
    }
}
