package io.provergateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;

/**
 * One raw setting as the operator wrote it, with the env var or YAML key it came from. The {@code as…} methods parse
 * and validate it; a failure is a one-line {@link ConfigException} naming the key and quoting the value.
 */
record ConfigValue(String key, String text) {

    /** Formats {@code KEY="value"} for error messages; use only for values that are not secret. */
    String quoted() {
        return key + "=\"" + text + "\"";
    }

    ConfigException invalid(String why) {
        return new ConfigException(quoted() + " " + why);
    }

    int asU16(String what) {
        return (int) asWholeNumber(0, 65_535, what);
    }

    Duration asU16Seconds() {
        return Duration.ofSeconds(asWholeNumber(0, 65_535, "a whole number of seconds"));
    }

    Duration asPositiveSeconds() {
        return Duration.ofSeconds(asWholeNumber(1, 4_294_967_295L, "a whole number of seconds"));
    }

    int asPositiveInt(String what) {
        return (int) asWholeNumber(1, Integer.MAX_VALUE, what);
    }

    long asWholeNumber(long min, long max, String what) {
        String range = " (" + min + ".." + max + ")";
        if (!text.matches("\\+?[0-9]{1,19}")) {
            throw invalid("is not " + what + range);
        }
        try {
            long value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException tooLarge) {
            // falls through to the range error
        }
        throw invalid("is out of range for " + what + range);
    }

    /** {@code true} or {@code false}, in any case. */
    boolean asBoolean() {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw invalid("is not true or false");
    }

    Path asPath() {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw invalid("is not a valid file system path: " + e.getReason());
        }
    }

    /** An absolute http or https URL, returned exactly as given (upstream concatenates endpoint paths onto it). */
    String asHttpUrl() {
        if (!text.regionMatches(true, 0, "http://", 0, 7) && !text.regionMatches(true, 0, "https://", 0, 8)) {
            throw redactedInvalid("is not an absolute http:// or https:// URL");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw redactedInvalid("is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw redactedInvalid("has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw redactedInvalid("must not have a query or fragment (endpoint paths are appended to it)");
        }
        return text;
    }

    /** A host name or IP literal to bind to. */
    String asHost() {
        if (text.isBlank() || text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
            throw invalid("is not a host name or IP address");
        }
        return text;
    }

    /** One of {@code choices}, matched exactly (upstream names are case-sensitive). */
    <E> E asOneOf(Map<String, E> choices) {
        E choice = choices.get(text);
        if (choice == null) {
            throw invalid("is not one of " + String.join(", ", new TreeSet<>(choices.keySet())));
        }
        return choice;
    }

    /** A secret: validated without ever echoing its value. */
    Secret asSecret() {
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new ConfigException(key + " contains whitespace or control characters (value not shown)");
        }
        return new Secret(text);
    }

    private ConfigException redactedInvalid(String why) {
        return new ConfigException(key + "=\"" + RedactedUrl.redact(text) + "\" " + why);
    }
}
