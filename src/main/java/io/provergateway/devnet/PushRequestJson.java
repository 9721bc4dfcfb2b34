package io.provergateway.devnet;

import io.provergateway.wire.ProofGenerationData;
import io.provergateway.wire.ProofGenerationDataJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The push-mode {@code ProofGenerationData} body the upstream core sends (push-mode spec §2.3, §2.7), as serde_json
 * writes it: the pull-mode object with {@code chain_id} and {@code batch_sealed_at} after {@code l1_batch_number} and
 * {@code fflonk_snark_wrapper_vk_hash: null} in {@code l1_verifier_config}. Built from the pull writer's bytes, so
 * both profiles share one witness JSON writer.
 */
public final class PushRequestJson {
    private static final String PULL_PREFIX = "{\"Success\":{\"l1_batch_number\":";

    private PushRequestJson() {}

    /** {@code sealedAt} in chrono's AutoSi form: 0, 3, 6 or 9 fractional digits and {@code Z}. */
    public static byte[] write(ProofGenerationData data, long chainId, Instant sealedAt) {
        ByteArrayOutputStream pull = new ByteArrayOutputStream(1 << 20);
        ProofGenerationDataJson.writeResponse(Optional.of(data), pull);
        byte[] bytes = pull.toByteArray();
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII);
        int firstComma = head.indexOf(',', PULL_PREFIX.length());
        if (!head.startsWith(PULL_PREFIX) || firstComma < 0 || bytes[bytes.length - 1] != '}'
                || bytes[bytes.length - 2] != '}' || bytes[bytes.length - 3] != '}') {
            throw new IllegalStateException("unexpected pull-mode JSON shape: " + head);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 128);
        int start = "{\"Success\":".length();
        out.write(bytes, start, firstComma - start);
        out.writeBytes((",\"chain_id\":" + chainId + ",\"batch_sealed_at\":\""
                + DateTimeFormatter.ISO_INSTANT.format(sealedAt) + "\"").getBytes(StandardCharsets.US_ASCII));
        // the rest up to the verifier config's closing brace, then the new key, then the closing braces
        out.write(bytes, firstComma, bytes.length - 3 - firstComma);
        out.writeBytes(",\"fflonk_snark_wrapper_vk_hash\":null}}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
