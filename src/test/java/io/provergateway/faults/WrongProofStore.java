package io.provergateway.faults;

import io.provergateway.devnet.ProofGenerator;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.store.BlobStore;
import io.provergateway.store.ObjectKeys;
import io.provergateway.wire.ProofCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The prover's view of the object store, except that the proof of one batch is replaced, as it is written, by a
 * well-formed proof made with another seed: its aggregation coords are wrong, so the core refuses it.
 */
final class WrongProofStore implements BlobStore {
    private final BlobStore delegate;
    private final long badBatch;
    private final long wrongSeed;

    WrongProofStore(BlobStore delegate, long badBatch, long wrongSeed) {
        this.delegate = delegate;
        this.badBatch = badBatch;
        this.wrongSeed = wrongSeed;
    }

    @Override
    public void put(String bucket, String key, Path content) {
        String badKey = ObjectKeys.l1BatchProof(badBatch, WitnessDataGenerator.PROTOCOL_VERSION);
        if (!bucket.equals(ObjectKeys.PROOFS_FRI) || !key.equals(badKey)) {
            delegate.put(bucket, key, content);
            return;
        }
        try {
            Path wrong = Files.createTempFile("wrong-proof-", ".bin");
            try {
                try (OutputStream out = Files.newOutputStream(wrong)) {
                    ProofCodec.writeBincode(new ProofGenerator(wrongSeed)
                            .generate(badBatch, WitnessDataGenerator.PROTOCOL_VERSION), out);
                }
                delegate.put(bucket, key, wrong);
            } finally {
                Files.deleteIfExists(wrong);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String bucket, String key) {
        return delegate.open(bucket, key);
    }
}
