package io.provergateway.devnet;

/** What the simulators report about a batch as it moves through the devnet; every method defaults to nothing. */
public interface BatchEvents {
    BatchEvents NONE = new BatchEvents() {};

    /** The core handed the batch out on {@code /proof_generation_data}; {@code bytes} of JSON were sent. */
    default void fetched(long l1BatchNumber, long bytes) {}

    /** The prover wrote the batch's compression job ({@code skipped} or with a proof blob of {@code bytes}). */
    default void proven(long l1BatchNumber, boolean skipped, long bytes) {}

    /** The core accepted a submission for the batch; {@code bytes} is the request body size. */
    default void acknowledged(long l1BatchNumber, boolean skipped, long bytes) {}

    /** A simulator could not move the batch on (e.g. its witness blob does not decode). */
    default void failed(long l1BatchNumber, String reason) {}

    /** The core refused a submission for the batch. */
    default void rejected(long l1BatchNumber, String reason) {}
}
