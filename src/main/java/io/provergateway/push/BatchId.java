package io.provergateway.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Upstream {@code L1BatchId {chain_id: L2ChainId, batch_number: L1BatchNumber}} and the poll request around it,
 * {@code {"l1_batch_id": {"chain_id": N, "batch_number": N}}} (push-mode spec §2.4). Unknown keys are ignored.
 */
record BatchId(long chainId, long batchNumber) {
    /** {@code L2ChainId::new}'s bound, {@code (2^53 - 1 - 36) / 2}. */
    static final long MAX_CHAIN_ID = 4_503_599_627_370_477L;
    private static final long MAX_U32 = 0xFFFF_FFFFL;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    /** Parses a poll request body; throws {@link RequestRejected} (400 or 422) with axum's texts. */
    static BatchId parsePollRequest(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RequestRejected.badJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw RequestRejected.badJson(e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw RequestRejected.badJson("EOF while parsing a value at line 1 column 0");
        }
        if (!root.isObject()) {
            throw RequestRejected.wrongShape("invalid type: expected struct PollGeneratedProofsRequest");
        }
        JsonNode id = root.get("l1_batch_id");
        if (id == null) {
            throw RequestRejected.wrongShape("missing field `l1_batch_id`");
        }
        if (!id.isObject()) {
            throw RequestRejected.wrongShape("l1_batch_id: invalid type: expected struct L1BatchId");
        }
        return new BatchId(chainId(id.get("chain_id")), batchNumber(id.get("batch_number")));
    }

    /** {@code L2ChainId}'s deserializer: a u64 number, or a string with a decimal or {@code 0x} hex number. */
    private static long chainId(JsonNode node) {
        String path = "l1_batch_id.chain_id";
        if (node == null) {
            throw RequestRejected.wrongShape("l1_batch_id: missing field `chain_id`");
        }
        BigInteger value;
        if (node.isIntegralNumber()) {
            value = node.bigIntegerValue();
        } else if (node.isTextual()) {
            value = parseText(node.textValue(), path);
        } else {
            throw RequestRejected.wrongShape(path + ": expected a number or a string, got " + node.getNodeType());
        }
        if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(MAX_CHAIN_ID)) > 0) {
            throw RequestRejected.wrongShape(path + ": Cannot convert given value " + value
                    + " into L2ChainId. It's greater than MAX: " + MAX_CHAIN_ID);
        }
        return value.longValueExact();
    }

    private static BigInteger parseText(String text, String path) {
        try {
            return text.startsWith("0x") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
        } catch (NumberFormatException e) {
            throw RequestRejected.wrongShape(path + ": cannot parse \"" + text + "\" as a chain id");
        }
    }

    private static long batchNumber(JsonNode node) {
        String path = "l1_batch_id.batch_number";
        if (node == null) {
            throw RequestRejected.wrongShape("l1_batch_id: missing field `batch_number`");
        }
        if (!node.isIntegralNumber()) {
            throw RequestRejected.wrongShape(path + ": invalid type: " + node.getNodeType() + ", expected u32");
        }
        BigInteger value = node.bigIntegerValue();
        if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(MAX_U32)) > 0) {
            throw RequestRejected.wrongShape(path + ": invalid value: integer `" + value + "`, expected u32");
        }
        return value.longValueExact();
    }

    /** {@code {"chain_id":N,"batch_number":N}}, as serde_json writes it. */
    String toJson() {
        return "{\"chain_id\":" + chainId + ",\"batch_number\":" + batchNumber + "}";
    }

    @Override
    public String toString() {
        return "L1BatchId(chain_id: " + chainId + ", batch_number: " + batchNumber + ")";
    }
}
