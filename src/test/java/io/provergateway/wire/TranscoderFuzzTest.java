package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.provergateway.testsupport.JsonMutator;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** 20 seeds x 500 mutations = 10,000 mutated payloads per run. */
class TranscoderFuzzTest {
    private static final int MUTATIONS_PER_SEED = 500;

    @TempDir
    Path tmp;

    static LongStream seeds() {
        return LongStream.rangeClosed(1000, 1019);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedPayload_eitherTranscodesToDecodableBytesOrIsRejectedAsMalformed(long seed) throws Exception {
        System.out.println("fuzz seed " + seed);
        Random random = new Random(seed);
        Path out = tmp.resolve("witness.bin");
        byte[] valid = null;
        JsonNode tree = null;
        for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
            if (i % 10 == 0) {
                int blobs = i == 0 ? 1 : 0;
                valid = TranscoderRoundTripTest.json(
                        new WitnessInputGenerator(random.nextLong(), 3, blobs).proofGenerationData());
                tree = JsonShuffler.MAPPER.readTree(valid);
            }
            JsonMutator mutator = new JsonMutator(random);
            byte[] mutated = mutator.mutate(valid, tree, JsonMutator.countNodes(tree));
            check(mutated, out, "seed " + seed + " case " + i + " " + mutator.describe());
        }
    }

    private static void check(byte[] json, Path out, String context) throws Exception {
        TranscodeResult result;
        ProofGenerationDataTranscoder transcoder = new ProofGenerationDataTranscoder(64, 64);
        try {
            result = transcoder.transcode(new ByteArrayInputStream(json), out);
        } catch (MalformedPayloadException expected) {
            assertThat(expected.location()).as(context).startsWith("$");
            return;
        } catch (RuntimeException | AssertionError e) {
            fail(context + ": unexpected " + e + " for " + abbreviate(json), e);
            return;
        }
        if (result instanceof TranscodeResult.Batch batch) {
            byte[] bytes = Files.readAllBytes(out);
            assertThat(batch.bincodeBytes()).as(context).isEqualTo(bytes.length);
            WitnessInputData decoded = WitnessInputCodec.readBincode(bytes);
            ByteAssertions.assertSameBytes(TranscoderRoundTripTest.bincode(decoded), bytes, context);
        }
    }

    private static String abbreviate(byte[] json) {
        String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
