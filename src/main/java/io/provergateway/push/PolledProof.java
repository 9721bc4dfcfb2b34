package io.provergateway.push;

import io.provergateway.db.PushProverDatabase.ProofVersion;
import io.provergateway.store.BlobNotFoundException;
import io.provergateway.store.BlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.wire.ProofCbor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The body of a served {@code /poll_generated_proofs} answer, {@code {"l1_batch_id":{…},"proof":X}}, rendered from the
 * stored CBOR proof. Shared by {@link PollRoute} and the {@code inspect proof} command, so both print the same bytes.
 */
public final class PolledProof {
    private PolledProof() {}

    /** The keys in {@code proofs_fri} tried in order: the chain-suffixed one, then upstream's chain-less fallback. */
    public static List<String> keys(long l1BatchNumber, long chainId, ProofVersion version) {
        String prefix = "l1_batch_proof_" + l1BatchNumber;
        return List.of(prefix + "_" + chainId + "_" + version.keySuffix() + ".cbor",
                prefix + "_" + version.keySuffix() + ".cbor");
    }

    /** The response body, or empty when neither key exists. Store failures are {@link UncheckedIOException}. */
    public static Optional<byte[]> render(BlobStore store, long l1BatchNumber, long chainId, ProofVersion version) {
        for (String key : keys(l1BatchNumber, chainId, version)) {
            try (InputStream cbor = store.open(ObjectKeys.PROOFS_FRI, key)) {
                return Optional.of(response(new BatchId(chainId, l1BatchNumber), cbor));
            } catch (BlobNotFoundException e) {
                // try the next key
            } catch (IOException e) {
                throw new UncheckedIOException("reading proof " + key, e);
            }
        }
        return Optional.empty();
    }

    /** {@code {"l1_batch_id":{…},"proof":X}}, compact and in field order, as serde_json writes it. */
    private static byte[] response(BatchId id, InputStream cbor) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        out.write(("{\"l1_batch_id\":" + id.toJson() + ",\"proof\":").getBytes(StandardCharsets.US_ASCII));
        ProofCbor.writeJson(cbor, out);
        out.write('}');
        return out.toByteArray();
    }
}
