package io.provergateway.wire;

/**
 * {@code ProtocolSemanticVersion}: text "0.{minor}.{patch}". The minor must be a known {@code ProtocolVersionId}
 * (Via knows 0 to 28; the push-mode profile follows upstream HEAD, 0 to 32); the patch is a u32 that also has to fit
 * the prover DB's {@code integer} column. {@link #parse} (the pull codecs) accepts Via's range only.
 */
public record ProtocolVersion(int minor, int patch) {
    /** The highest {@code ProtocolVersionId} Via knows ({@code Version28}). */
    public static final int MAX_KNOWN_MINOR = 28;
    /** The highest {@code ProtocolVersionId} upstream HEAD knows ({@code Version32}; push mode, spec §2.3). */
    public static final int MAX_KNOWN_MINOR_UPSTREAM_HEAD = 32;

    public ProtocolVersion {
        if (minor < 0 || minor > MAX_KNOWN_MINOR_UPSTREAM_HEAD) {
            throw new IllegalArgumentException("unknown protocol minor version " + minor + " (known: 0 to "
                    + MAX_KNOWN_MINOR_UPSTREAM_HEAD + ")");
        }
        if (patch < 0) {
            throw new IllegalArgumentException("protocol patch out of range: " + patch);
        }
    }

    /** Parses "0.{minor}.{patch}"; the error names the bad text. */
    public static ProtocolVersion parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("protocol version must be 0.<minor>.<patch>, got \"" + text + "\"");
        }
        if (!parts[0].equals("0")) {
            throw new IllegalArgumentException("protocol major version must be 0, got \"" + text + "\"");
        }
        int minor = parseNumber(parts[1], text);
        if (minor > MAX_KNOWN_MINOR) {
            throw new IllegalArgumentException(
                    "unknown protocol minor version " + minor + " (known: 0 to " + MAX_KNOWN_MINOR + ")");
        }
        return new ProtocolVersion(minor, parseNumber(parts[2], text));
    }

    private static int parseNumber(String part, String text) {
        if (part.isEmpty() || part.length() > 10 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("protocol version must be 0.<minor>.<patch>, got \"" + text + "\"");
        }
        long value = Long.parseLong(part);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("protocol version part too large in \"" + text + "\"");
        }
        return (int) value;
    }

    /** The object-key form: "0_{minor}_{patch}". */
    public String keySuffix() {
        return "0_" + minor + "_" + patch;
    }

    @Override
    public String toString() {
        return "0." + minor + "." + patch;
    }
}
