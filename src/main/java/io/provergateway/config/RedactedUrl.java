package io.provergateway.config;

import java.util.regex.Pattern;

/** The form of a URL that may be shown to operators: any password (in the user info or a query parameter) is {@code ***}. */
final class RedactedUrl {
    /** From "scheme://user:" to the last '@': greedy on purpose, so a malformed URL over-masks rather than leaks. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("^([A-Za-z][A-Za-z0-9+.:-]*://[^:@/?#]*:).*@");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    private RedactedUrl() {}

    static String redact(String url) {
        String masked = USER_INFO_PASSWORD.matcher(url).replaceFirst("$1***@");
        return QUERY_PASSWORD.matcher(masked).replaceAll("$1***");
    }
}
