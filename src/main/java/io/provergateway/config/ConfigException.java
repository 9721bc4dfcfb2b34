package io.provergateway.config;

/** A configuration error; the message names the env var or YAML key and the bad value (never a secret). */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
