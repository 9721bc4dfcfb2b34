package io.provergateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CBOR items → the compact JSON serde_json writes for the same serde value. */
class CborJsonStreamerTest {

    private static String json(String hex) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CborJsonStreamer.writeJson(new ByteArrayInputStream(HexFormat.of().parseHex(hex)), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "17 | 23",
        "1bffffffffffffffff | 18446744073709551615",
        "3bffffffffffffffff | -18446744073709551616",
        "38ff | -256",
        "43010203 | [1,2,3]",
        "5f4101420203ff | [1,2,3]",
        "820102 | [1,2]",
        "9f0102ff | [1,2]",
        "a2616101616280 | `{\"a\":1,\"b\":[]}`",
        "bf6161f5ff | `{\"a\":true}`",
        "c24101 | [1]",
        "f6 | null",
        "f4 | false",
        "652201c2a25c | `\"\\\"\\u0001\u00a2\\\\\"`",
        "640a090d08 | `\"\\n\\t\\r\\b\"`",
    })
    void writesWhatSerdeJsonWritesForTheItem(String cbor, String expected) throws IOException {
        assertThat(json(cbor)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"f93c00", "a10101", "1c", "8201"})
    void refusesFloatsNonTextKeysReservedHeadsAndTruncation(String cbor) {
        assertThatThrownBy(() -> json(cbor)).isInstanceOfAny(IOException.class, MalformedPayloadException.class)
                .hasMessageContaining("byte ");
    }
}
