package io.provergateway.wire;

/**
 * A payload that does not have the upstream shape. The message names the JSON path (e.g.
 * {@code $.Success.witness_input_data.vm_run_data.bootloader_code[3][31]}) or the bincode offset, and the problem.
 */
public class MalformedPayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String location;
    private final String problem;

    public MalformedPayloadException(String location, String problem) {
        super(location + ": " + problem);
        this.location = location;
        this.problem = problem;
    }

    public MalformedPayloadException(String location, String problem, Throwable cause) {
        super(location + ": " + problem, cause);
        this.location = location;
        this.problem = problem;
    }

    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }
}
