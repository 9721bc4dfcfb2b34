package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The push-mode {@code ProofGenerationData} fields besides the witness (push-mode spec §2.3), read with upstream's
 * serde rules: {@code chain_id} as {@code L2ChainId}'s custom deserializer reads it, {@code batch_sealed_at} as
 * chrono reads it, {@code protocol_version} as {@code ProtocolSemanticVersion::from_str} and
 * {@code l1_verifier_config} with its alias and optional FFLONK hash.
 */
final class PushRequestFields {
    /** {@code L2ChainId::MAX} = (2^53 - 1 - 36) / 2. */
    static final long MAX_CHAIN_ID = ((1L << 53) - 1 - 36) / 2;
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final JsonCursor c;
    private long l1BatchNumber = -1;
    private long chainId;
    private boolean chainIdSeen;
    private Instant batchSealedAt;
    private boolean witnessSeen;
    private ProtocolVersion protocolVersion;
    private boolean verifierConfigSeen;
    private Bytes32 vkHash;
    private Bytes32 fflonkVkHash;

    PushRequestFields(JsonCursor cursor) {
        this.c = cursor;
    }

    void markWitness() {
        once(witnessSeen, "witness_input_data");
        witnessSeen = true;
    }

    /** Reads field {@code name} (its FIELD_NAME is current), skipping unknown fields. */
    void read(String name) throws IOException {
        switch (name) {
            case "l1_batch_number" -> {
                once(l1BatchNumber >= 0, name);
                c.next();
                l1BatchNumber = c.u32();
            }
            case "chain_id" -> {
                once(chainIdSeen, name);
                chainIdSeen = true;
                c.next();
                chainId = chainId();
            }
            case "batch_sealed_at" -> {
                once(batchSealedAt != null, name);
                c.next();
                String text = c.string("an RFC 3339 formatted date and time string");
                batchSealedAt = checked(() -> PushBatchSealedAt.parse(text));
            }
            case "protocol_version" -> {
                once(protocolVersion != null, name);
                c.next();
                String text = c.string("a protocol version string such as \"0.29.4\"");
                protocolVersion = checked(() -> parseSemanticVersion(text));
            }
            case "l1_verifier_config" -> {
                once(verifierConfigSeen, name);
                verifierConfigSeen = true;
                c.expectNext(JsonToken.START_OBJECT, "an L1VerifierConfig object");
                verifierConfig();
            }
            default -> c.skipValue();
        }
    }

    /** A number (u64) or a string holding a decimal, else a hexadecimal ("0x" optional) number; then the range. */
    private long chainId() throws IOException {
        JsonToken t = c.token();
        long value;
        if (t == JsonToken.VALUE_NUMBER_INT) {
            BigInteger number = c.bigInteger();
            if (number.signum() < 0 || number.compareTo(U64_MAX) > 0) {
                throw c.error("Failed to parse: " + number + ", Expected u64");
            }
            value = number.longValue();
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            throw c.error("Failed to parse: " + c.numberText() + ", Expected u64");
        } else if (t == JsonToken.VALUE_STRING) {
            value = chainIdText(c.text());
        } else {
            throw c.unexpected("a chain id number or string");
        }
        if (Long.compareUnsigned(value, MAX_CHAIN_ID) > 0) {
            throw c.error("Cannot convert given value " + Long.toUnsignedString(value)
                    + " into L2ChainId. It's greater than MAX: " + MAX_CHAIN_ID);
        }
        return value;
    }

    /** {@code L2ChainId::from_str}: {@code U64::from_dec_str}, else {@code U64::from_str} (hex, up to 16 digits). */
    private long chainIdText(String text) {
        if (text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            BigInteger decimal = text.isEmpty() ? BigInteger.ZERO : new BigInteger(text);
            if (decimal.compareTo(U64_MAX) <= 0) {
                return decimal.longValue();
            }
        }
        String digits = text.startsWith("0x") ? text.substring(2) : text;
        boolean hex = digits.length() <= 16 && digits.chars().allMatch(ch -> ch >= '0' && ch <= '9'
                || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F');
        if (!hex) {
            throw c.error("Failed to parse L2ChainId: " + HexStrings.abbreviate(text)
                    + " is neither a decimal nor a hexadecimal u64");
        }
        return digits.isEmpty() ? 0 : Long.parseUnsignedLong(digits, 16);
    }

    /**
     * {@code ProtocolSemanticVersion::from_str}: three '.'-separated parts parsed as Rust parses u16, u16, u32
     * (an optional '+', then decimal digits); major 0; minor a known {@code ProtocolVersionId} (0 to 32). A patch
     * above 2147483647 is refused: upstream would bind it to the prover DB's {@code integer} column as a negative
     * number.
     */
    static ProtocolVersion parseSemanticVersion(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("protocol version must be 0.<minor>.<patch>, got "
                    + HexStrings.abbreviate(text));
        }
        if (rustUnsigned(parts[0], 0xFFFF, text) != 0) {
            throw new IllegalArgumentException("protocol major version must be 0, got " + HexStrings.abbreviate(text));
        }
        long minor = rustUnsigned(parts[1], 0xFFFF, text);
        if (minor > ProtocolVersion.MAX_KNOWN_MINOR_UPSTREAM_HEAD) {
            throw new IllegalArgumentException("unknown protocol minor version " + minor + " in "
                    + HexStrings.abbreviate(text) + " (known: 0 to " + ProtocolVersion.MAX_KNOWN_MINOR_UPSTREAM_HEAD
                    + ")");
        }
        long patch = rustUnsigned(parts[2], 0xFFFF_FFFFL, text);
        if (patch > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("protocol patch " + patch + " in " + HexStrings.abbreviate(text)
                    + " does not fit the prover database's integer column");
        }
        return new ProtocolVersion((int) minor, (int) patch);
    }

    private static long rustUnsigned(String part, long max, String text) {
        String digits = part.startsWith("+") ? part.substring(1) : part;
        if (digits.isEmpty() || digits.length() > 20 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException("invalid number " + HexStrings.abbreviate(part) + " in protocol version "
                    + HexStrings.abbreviate(text));
        }
        BigInteger value = new BigInteger(digits);
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("number too large " + HexStrings.abbreviate(part)
                    + " in protocol version " + HexStrings.abbreviate(text));
        }
        return value.longValue();
    }

    /** {@code snark_wrapper_vk_hash} (alias {@code recursion_scheduler_level_vk_hash}), optional FFLONK hash. */
    private void verifierConfig() throws IOException {
        String seen = null;
        boolean fflonkSeen = false;
        for (String name = c.nextField(); name != null; name = c.nextField()) {
            if (name.equals("recursion_scheduler_level_vk_hash") || name.equals("snark_wrapper_vk_hash")) {
                if (seen != null) {
                    throw c.error("duplicate field snark_wrapper_vk_hash (also given as " + seen + ")");
                }
                seen = name;
                c.next();
                String text = c.string("an H256 hex string");
                vkHash = checked(() -> Bytes32.fromHex(text));
            } else if (name.equals("fflonk_snark_wrapper_vk_hash")) {
                once(fflonkSeen, name);
                fflonkSeen = true;
                if (c.next() != JsonToken.VALUE_NULL) {
                    String text = c.string("null or an H256 hex string");
                    fflonkVkHash = checked(() -> Bytes32.fromHex(text));
                }
            } else {
                c.skipValue();
            }
        }
        if (seen == null) {
            throw c.error("missing field snark_wrapper_vk_hash");
        }
    }

    private interface Parse<T> {
        T get();
    }

    private <T> T checked(Parse<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw c.error(e.getMessage());
        }
    }

    private void once(boolean alreadySeen, String name) {
        if (alreadySeen) {
            throw c.error("duplicate field " + name);
        }
    }

    void requireAll() {
        require(l1BatchNumber >= 0, "l1_batch_number");
        require(witnessSeen, "witness_input_data");
        require(protocolVersion != null, "protocol_version");
        require(verifierConfigSeen, "l1_verifier_config");
    }

    private void require(boolean present, String name) {
        if (!present) {
            throw c.error("missing field " + name);
        }
    }

    PushedBatch batch(long cborBytes) {
        return new PushedBatch(l1BatchNumber, chainId, protocolVersion, batchSealedAt, cborBytes, vkHash,
                fflonkVkHash);
    }
}
