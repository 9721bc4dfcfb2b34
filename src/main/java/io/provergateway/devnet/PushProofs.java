package io.provergateway.devnet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.provergateway.wire.Bytes32;
import io.provergateway.wire.ProofCbor;
import io.provergateway.wire.ProofCodec;
import io.provergateway.wire.ProtocolVersion;
import io.provergateway.wire.SubmitProofRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The compressor's output in the ProverCluster profile: {@code L1BatchProofForL1} CBOR holding a PLONK proof (from
 * {@link ProofGenerator}) or an FFLONK one (0.32.10's {@code FflonkProof} shape, push-mode spec §2.6), written from
 * its untagged JSON with {@code ProofCbor.fromJson}. The coords are {@link AggregationCoords#expectedCoords}.
 */
public final class PushProofs {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int FFLONK_COMMITMENTS = 4;
    private static final int FFLONK_EVALUATIONS = 15;
    private static final int FFLONK_INVERSES = 18;

    private final long seed;
    private final ProofGenerator plonk;

    public PushProofs(long seed) {
        this.seed = seed;
        this.plonk = new ProofGenerator(seed);
    }

    /** Batches alternate: odd numbers get PLONK, even ones FFLONK. */
    public static boolean isFflonk(long l1BatchNumber) {
        return l1BatchNumber % 2 == 0;
    }

    public byte[] cbor(long l1BatchNumber, ProtocolVersion version) {
        return ProofCbor.fromJson(isFflonk(l1BatchNumber) ? fflonkJson(l1BatchNumber, version)
                : plonkJson(l1BatchNumber, version));
    }

    /** The untagged PLONK body: the pull-mode {@code {"Proof": X}} without its wrapper. */
    public byte[] plonkJson(long l1BatchNumber, ProtocolVersion version) {
        byte[] wrapped = ProofCodec.submitRequestJson(new SubmitProofRequest.Proof(plonk.generate(l1BatchNumber,
                version)));
        int prefix = "{\"Proof\":".length();
        return Arrays.copyOfRange(wrapped, prefix, wrapped.length - 1);
    }

    /** An untagged FFLONK body with random (unsigned 64-bit) limbs; {@code _c} is {@code null} as serde writes it. */
    public byte[] fflonkJson(long l1BatchNumber, ProtocolVersion version) {
        SplittableRandom random = new SplittableRandom(seed * 7919 + l1BatchNumber);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("aggregation_result_coords");
            for (Bytes32 coord : AggregationCoords.expectedCoords(seed, l1BatchNumber)) {
                g.writeStartArray();
                for (int i = 0; i < Bytes32.LENGTH; i++) {
                    g.writeNumber(coord.get(i) & 0xFF);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("scheduler_proof");
            g.writeNumberField("n", ProofGenerator.DOMAIN_SIZE);
            limbsArray(g, "inputs", 1, random);
            g.writeArrayFieldStart("commitments");
            for (int i = 0; i < FFLONK_COMMITMENTS; i++) {
                g.writeStartObject();
                g.writeFieldName("x");
                limbs(g, random);
                g.writeFieldName("y");
                limbs(g, random);
                g.writeBooleanField("infinity", false);
                g.writeEndObject();
            }
            g.writeEndArray();
            limbsArray(g, "evaluations", FFLONK_EVALUATIONS, random);
            limbsArray(g, "lagrange_basis_inverses", FFLONK_INVERSES, random);
            g.writeNullField("_c");
            g.writeEndObject();
            g.writeStringField("protocol_version", version.toString());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void limbsArray(JsonGenerator g, String field, int count, SplittableRandom random)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (int i = 0; i < count; i++) {
            limbs(g, random);
        }
        g.writeEndArray();
    }

    /** Four little-endian u64 limbs below both BN254 moduli (the top limb under 2^61); lower limbs use all 64 bits. */
    private static void limbs(JsonGenerator g, SplittableRandom random) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < 3; i++) {
            g.writeNumber(new BigInteger(Long.toUnsignedString(random.nextLong())));
        }
        g.writeNumber(random.nextLong() >>> 3);
        g.writeEndArray();
    }
}
