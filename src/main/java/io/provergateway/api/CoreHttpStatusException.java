package io.provergateway.api;

/** The core answered with a non-2xx status; carries the status and the start of its (plain text) body. */
public final class CoreHttpStatusException extends CoreApiException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public CoreHttpStatusException(String url, int status, String bodySnippet) {
        super("http_status", "POST " + url + " answered HTTP " + status
                + (bodySnippet.isEmpty() ? "" : ": \"" + bodySnippet + "\""), null);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
