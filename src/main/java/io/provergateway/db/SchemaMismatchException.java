package io.provergateway.db;

import java.util.List;

/** The prover database lacks tables, columns or unique constraints the gateway relies on; never retriable. */
public final class SchemaMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> missing;

    public SchemaMismatchException(List<String> missing) {
        super("prover database schema is missing what the gateway needs (run the prover_dal migrations): "
                + String.join("; ", missing));
        this.missing = List.copyOf(missing);
    }

    /** One entry per missing item, e.g. {@code column witness_inputs_fri.witness_inputs_blob_url}. */
    public List<String> missing() {
        return missing;
    }
}
