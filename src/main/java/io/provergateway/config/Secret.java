package io.provergateway.config;

/** A value that must never be printed: {@link #toString()} is {@code ***}. Use {@link #reveal()} at the point of use. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "***";
    }
}
