package io.provergateway.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The form of a URL that may be shown to operators: any password (in the user info or a query parameter) is {@code ***}. */
final class RedactedUrl {
    /** From "scheme://user:" to the last '@': greedy on purpose, so a malformed URL over-masks rather than leaks. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("^([A-Za-z][A-Za-z0-9+.:-]*://[^:@/?#]*:).*@");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.:-]*://");
    /**
     * Fallback when that does not match (no "scheme://", or odd user info such as "postgres//u:pw@h", "u@x:pw@h"):
     * after any scheme, from the first ':' to the last '@' behind it.
     */
    private static final Pattern LOOSE_USER_INFO_PASSWORD = Pattern.compile("^([^:]*:).*@");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    private RedactedUrl() {}

    static String redact(String url) {
        Matcher strict = USER_INFO_PASSWORD.matcher(url);
        String masked;
        if (strict.find()) {
            masked = strict.replaceFirst("$1***@");
        } else {
            Matcher scheme = SCHEME.matcher(url);
            int start = scheme.lookingAt() ? scheme.end() : 0;
            masked = url.substring(0, start)
                    + LOOSE_USER_INFO_PASSWORD.matcher(url.substring(start)).replaceFirst("$1***@");
        }
        return QUERY_PASSWORD.matcher(masked).replaceAll("$1***");
    }
}
