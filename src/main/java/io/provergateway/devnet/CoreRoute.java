package io.provergateway.devnet;

/** The two routes of the core's proof data handler the gateway calls. */
public enum CoreRoute {
    PROOF_GENERATION_DATA,
    SUBMIT_PROOF
}
