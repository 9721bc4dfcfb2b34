package io.provergateway.wire;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** The {@code ProofGenerationData} fields besides the witness: batch number, version and verifier config. */
final class ProofGenerationDataFields {
    private final JsonCursor c;
    private long l1BatchNumber = -1;
    private boolean witnessSeen;
    private ProtocolVersion protocolVersion;
    private Bytes32 vkHash;

    ProofGenerationDataFields(JsonCursor cursor) {
        this.c = cursor;
    }

    void markWitness() {
        if (witnessSeen) {
            throw c.error("duplicate field witness_input_data");
        }
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
            case "protocol_version" -> {
                once(protocolVersion != null, name);
                String text = nextString("a protocol version string such as \"0.28.0\"");
                try {
                    protocolVersion = ProtocolVersion.parse(text);
                } catch (IllegalArgumentException e) {
                    throw c.error(e.getMessage());
                }
            }
            case "l1_verifier_config" -> {
                once(vkHash != null, name);
                c.expectNext(JsonToken.START_OBJECT, "an L1VerifierConfig object");
                verifierConfig();
            }
            default -> c.skipValue();
        }
    }

    private void verifierConfig() throws IOException {
        String seen = null;
        for (String name = c.nextField(); name != null; name = c.nextField()) {
            if (name.equals("recursion_scheduler_level_vk_hash") || name.equals("snark_wrapper_vk_hash")) {
                if (seen != null) {
                    throw c.error("duplicate field snark_wrapper_vk_hash (also given as " + seen + ")");
                }
                seen = name;
                String text = nextString("an H256 hex string");
                try {
                    vkHash = Bytes32.fromHex(text);
                } catch (IllegalArgumentException e) {
                    throw c.error(e.getMessage());
                }
            } else {
                c.skipValue();
            }
        }
        if (seen == null) {
            throw c.error("missing field recursion_scheduler_level_vk_hash");
        }
    }

    private String nextString(String what) throws IOException {
        c.next();
        return c.string(what);
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
        require(vkHash != null, "l1_verifier_config");
    }

    private void require(boolean present, String name) {
        if (!present) {
            throw c.error("missing field " + name);
        }
    }

    long l1BatchNumber() {
        return l1BatchNumber;
    }

    ProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    Bytes32 vkHash() {
        return vkHash;
    }
}
