package io.provergateway.wire;

/**
 * A payload that does not have the upstream shape. The message names the JSON path (e.g.
 * {@code $.Success.witness_input_data.vm_run_data.bootloader_code[3][31]}) or the bincode offset, and the problem.
 */
public class MalformedPayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String location;
    private final String problem;

    /** Locations longer than this (a hostile, deeply nested document) keep their head and tail only. */
    static final int MAX_LOCATION_CHARS = 240;

    public MalformedPayloadException(String location, String problem) {
        this(location, problem, null);
    }

    public MalformedPayloadException(String location, String problem, Throwable cause) {
        super(shorten(location) + ": " + problem, cause);
        this.location = shorten(location);
        this.problem = problem;
    }

    private static String shorten(String location) {
        if (location.length() <= MAX_LOCATION_CHARS) {
            return location;
        }
        int half = MAX_LOCATION_CHARS / 2;
        return location.substring(0, half) + "…(" + (location.length() - 2 * half) + " chars)…"
                + location.substring(location.length() - half);
    }

    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }
}
