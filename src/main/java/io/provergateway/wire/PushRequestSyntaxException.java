package io.provergateway.wire;

/**
 * A push-mode request body that is not well-formed JSON: a syntax error, an empty or truncated body, trailing data
 * after the value, or a fixed-size array or tuple with too many items (serde_json reports those as
 * {@code TrailingCharacters}). These are serde_json's {@code Syntax}/{@code Eof} categories, which axum answers with
 * 400; every other {@link MalformedPayloadException} from {@link PushRequestTranscoder} is its {@code Data}
 * category (422).
 */
public final class PushRequestSyntaxException extends MalformedPayloadException {
    private static final long serialVersionUID = 1L;

    public PushRequestSyntaxException(String location, String problem, Throwable cause) {
        super(location, problem, cause);
    }
}
