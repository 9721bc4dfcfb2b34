package io.provergateway.wire;

/** Input that is not JSON by serde_json's grammar (as opposed to JSON of the wrong shape or value). */
public class JsonSyntaxException extends MalformedPayloadException {
    private static final long serialVersionUID = 1L;

    public JsonSyntaxException(String location, String problem) {
        super(location, problem);
    }
}
