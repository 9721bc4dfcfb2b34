package io.provergateway.api;

/** The decoded {@code SubmitProofResponse}: {@code "Success"} or {@code {"Error": "..."}}. */
public sealed interface SubmitOutcome {

    record Acknowledged() implements SubmitOutcome {}

    record Rejected(String message) implements SubmitOutcome {}
}
