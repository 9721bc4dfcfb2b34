package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast paths for byte arrays ({@link JsonReader#plainU8Array}, {@link JsonReader#plainU8Element} for 32-byte
 * arrays, {@link JsonReader#fastU8} for blobs) against the token path: each body is transcoded once from a plain
 * stream and once from a stream that hands over one byte per read, which never gives the fast paths their look-ahead
 * beyond a few elements; the bytes or the error (message and JSON path) must be the same.
 */
class ByteArrayFastPathTest {
    private static final String WITNESS = "/Success/witness_input_data";
    private static final String LOG = WITNESS + "/merkle_paths/merkle_paths/0";
    private static final String MARK = "\"MARK\"";
    /** A merkle path item (serde Bytes), a root hash and a value (fixed arrays), bootloader code and bytecodes. */
    private static final List<String> PLACES = List.of(LOG + "/merkle_paths/1", LOG + "/root_hash",
            LOG + "/value_read", WITNESS + "/vm_run_data/bootloader_code/0", "used_bytecodes");
    private static final String BLOB = WITNESS + "/eip_4844_blobs/blobs/1";
    private static final String[] SPELLINGS = {"0", "7", "99", "100", "249", "250", "255", "256", "299", "300", "999",
        "1000", "2550", "01", "00", "000", "0255", "-1", "-0", "1.0", "1e2", "2E1", "1.", "\"7\"", "null", "true",
        "false", "[1]", "[]", "{}", "\u00e4", "", " 7", "7 ", "18446744073709551616", "-9223372036854775809"};

    @TempDir
    Path tmp;

    @Test
    void plainArraysInEveryPlace_transcodeAsOnTheTokenPath() throws Exception {
        String plain = array(items(new Random(3), 32));
        for (String place : PLACES) {
            String json = document(place, plain);
            String outcome = assertSameOutcome(json, place);
            assertThat(outcome).as(place).startsWith("Batch");
        }
    }

    @Test
    void unusualArraysInEveryPlace_failOrPassAsOnTheTokenPath() throws Exception {
        for (String place : PLACES) {
            for (String variant : variants()) {
                assertSameOutcome(document(place, variant), place + " " + variant);
            }
        }
    }

    @Test
    void blobsOfManyLengths_transcodeAsOnTheTokenPath() throws Exception {
        Random random = new Random(7);
        for (int n : new int[] {0, 1, 31, 32, 33, 63, 64, 65, 96, 100, 1000}) {
            String outcome = assertSameOutcome(document(BLOB, array(items(random, n))), "blob of " + n);
            assertThat(outcome).startsWith("Batch");
        }
    }

    @Test
    void unusualBlobElements_failOrPassAsOnTheTokenPath() throws Exception {
        String[] base = items(new Random(8), 100);
        for (String spelling : SPELLINGS) {
            for (int at : new int[] {0, 1, 30, 31, 32, 33, 63, 64, 65, 98, 99}) {
                String[] items = base.clone();
                items[at] = spelling;
                assertSameOutcome(document(BLOB, array(items)), "blob item " + at + " " + spelling);
            }
        }
        String plain = array(base);
        for (String variant : List.of(plain.replace("]", ",]"), plain.replace("]", " ]"), "[ " + plain.substring(1),
                plain.replaceFirst(",", ",,"), plain.replace("]", ""), plain + "]")) {
            assertSameOutcome(document(BLOB, variant), "blob " + variant);
        }
    }

    @Test
    void pushedBlobs_transcodeToCborAsOnTheTokenPath() throws Exception {
        ProofGenerationData data = new WitnessInputGenerator(9, 3, 1).proofGenerationData();
        String body = new String(PushCborTestSupport.pushBody(data, "270", "\"2026-06-30T08:15:02.123456Z\""),
                StandardCharsets.UTF_8);
        int open = body.indexOf("[", body.indexOf("[", body.indexOf("\"blobs\"")) + 1);
        assertThat(pushOutcome(body, false)).startsWith("PushedBatch").isEqualTo(pushOutcome(body, true));
        Random random = new Random(10);
        for (int i = 0; i < 40; i++) {
            int at = open + 1 + random.nextInt(400);
            int comma = body.indexOf(',', at);
            String spelling = SPELLINGS[random.nextInt(SPELLINGS.length)];
            String json = body.substring(0, comma + 1) + spelling + body.substring(body.indexOf(',', comma + 1));
            assertThat(pushOutcome(json, false)).as(spelling).isEqualTo(pushOutcome(json, true));
        }
    }

    @Test
    void bodyCutInsideAPlainArray_failsAsOnTheTokenPath() throws Exception {
        String json = document(PLACES.get(0), array(items(new Random(4), 32)));
        int start = json.indexOf(",[", json.indexOf("\"merkle_paths\":[[", json.indexOf("root_hash")));
        for (int cut = start; cut < start + 140; cut++) {
            assertSameOutcome(json.substring(0, cut), "cut at " + cut);
        }
    }

    @Test
    void arraysAcrossTheInputBufferEnd_transcodeAsOnTheTokenPath() throws Exception {
        Random random = new Random(5);
        List<String> path = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            path.add(array(items(random, 32)));
        }
        for (String body : List.of(document(PLACES.get(0), String.join(",", path)),
                document(BLOB, array(items(random, 40_000))))) {
            assertSameAcrossTheBufferEnd(body, random);
        }
    }

    private void assertSameAcrossTheBufferEnd(String body, Random random) throws Exception {
        String expected = outcome(body, true);
        assertThat(expected).startsWith("Batch");
        for (int shift = 0; shift < 150; shift++) {
            String json = " ".repeat(shift) + body;
            assertThat(outcome(json, false)).as("shift " + shift).isEqualTo(expected);
            String broken = breakArrayAt(json, JsonInput.BUFFER, random);
            assertSameOutcome(broken, "shift " + shift);
        }
    }

    @Test
    void arrayAtTheDepthWhereTheStackGrows_isLeftToTheTokenPath() throws Exception {
        for (int outer = 13; outer <= 17; outer++) {
            String plain = array(items(new Random(outer), 32));
            String json = "[".repeat(outer) + plain + "," + plain + "]".repeat(outer);
            JsonReader reader = new JsonReader(new ByteArrayInputStream(json.getBytes(StandardCharsets.US_ASCII)));
            for (int i = 0; i < outer; i++) {
                reader.next();
            }
            byte[] dst = new byte[32];
            boolean fast = reader.plainU8Element(dst, 32);
            assertThat(fast).as("depth " + outer).isEqualTo(outer != 15);
            if (!fast) {
                assertThat(reader.next()).isEqualTo(com.fasterxml.jackson.core.JsonToken.START_ARRAY);
                assertThat(reader.path()).isEqualTo("$" + "[0]".repeat(outer));
            }
        }
    }

    private String assertSameOutcome(String json, String context) throws Exception {
        String fast = outcome(json, false);
        assertThat(fast).as(context).isEqualTo(outcome(json, true));
        return fast;
    }

    private String outcome(String json, boolean trickle) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        InputStream in = trickle ? new OneByteAtATime(bytes) : new ByteArrayInputStream(bytes);
        Path out = tmp.resolve("out.bin");
        try {
            TranscodeResult result = new ProofGenerationDataTranscoder().transcode(in, out);
            return result.getClass().getSimpleName() + " " + result + " " + HexFormat.of().formatHex(
                    Files.readAllBytes(out));
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private String pushOutcome(String json, boolean trickle) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        InputStream in = trickle ? new OneByteAtATime(bytes) : new ByteArrayInputStream(bytes);
        Path out = tmp.resolve("out.cbor");
        try {
            PushedBatch batch = PushRequestTranscoder.transcode(in, out, tmp);
            return batch + " " + HexFormat.of().formatHex(Files.readAllBytes(out));
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** The sample body with the array text at {@code place} (inserted into a list, but replacing a blob slot). */
    private static String document(String place, String arrayText) {
        ObjectNode tree = TranscoderErrorTest.sampleTree();
        if (place.equals("used_bytecodes")) {
            ObjectNode codes = (ObjectNode) tree.at(WITNESS + "/vm_run_data/used_bytecodes");
            ((ArrayNode) codes.elements().next()).add(TextNode.valueOf("MARK"));
        } else {
            int slash = place.lastIndexOf('/');
            JsonNode parent = tree.at(place.substring(0, slash));
            String key = place.substring(slash + 1);
            if (parent instanceof ArrayNode list && place.equals(BLOB)) {
                list.set(Integer.parseInt(key), TextNode.valueOf("MARK"));
            } else if (parent instanceof ArrayNode list) {
                list.insert(Integer.parseInt(key), TextNode.valueOf("MARK"));
            } else {
                ((ObjectNode) parent).put(key, "MARK");
            }
        }
        String json = tree.toString();
        assertThat(json).contains(MARK);
        return json.replace(MARK, arrayText);
    }

    /** Array texts the fast paths must hand to the token path, or read exactly as it does. */
    private static List<String> variants() {
        Random random = new Random(6);
        List<String> out = new ArrayList<>();
        String[] base = items(random, 32);
        String plain = array(base);
        for (String ws : new String[] {" ", "\n", "\t", "\r"}) {
            out.add(ws + plain);
            out.add("[" + ws + plain.substring(1));
            out.add(plain.substring(0, plain.length() - 1) + ws + "]");
            out.add(plain.replaceFirst(",", ws + ","));
            out.add(plain.replaceFirst(",", "," + ws));
            out.add("[" + ws + "]");
        }
        for (String spelling : SPELLINGS) {
            for (int at : new int[] {0, 13, 31}) {
                String[] items = base.clone();
                items[at] = spelling;
                out.add(array(items));
            }
        }
        for (int n : new int[] {0, 1, 31, 33, 64}) {
            out.add(array(items(random, n)));
        }
        out.add(plain.replace("]", ",]"));
        out.add(plain.replaceFirst(",", ",,"));
        out.add(plain.replaceFirst(",", " "));
        out.add(plain.replaceFirst(",", ""));
        out.add(plain.replace("]", ""));
        out.add(plain.replace("]", "]]"));
        out.add(plain + "," + array(items(random, 31)));
        out.add(plain + "," + array(new String[] {"300"}));
        out.add(plain + "," + plain.replace("]", ",256]"));
        out.add("\"0x" + "07".repeat(32) + "\"");
        out.add("null");
        out.add("{}");
        return out;
    }

    /** The body with one element of the array that spans {@code offset} made unusual. */
    private static String breakArrayAt(String json, int offset, Random random) {
        int open = json.lastIndexOf('[', offset);
        int close = json.indexOf(']', offset);
        String[] items = json.substring(open + 1, close).split(",", -1);
        items[random.nextInt(items.length)] = random.nextBoolean() ? "256" : " 7";
        return json.substring(0, open + 1) + String.join(",", items) + json.substring(close);
    }

    private static String[] items(Random random, int n) {
        String[] items = new String[n];
        for (int i = 0; i < n; i++) {
            items[i] = Integer.toString(random.nextInt(3) == 0 ? random.nextInt(10) : random.nextInt(256));
        }
        return items;
    }

    private static String array(String[] items) {
        return "[" + String.join(",", Arrays.asList(items)) + "]";
    }

    /** A stream that returns one byte per read, so the reader never holds more than the token path asks for. */
    private static final class OneByteAtATime extends ByteArrayInputStream {
        OneByteAtATime(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
