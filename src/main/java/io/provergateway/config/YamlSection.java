package io.provergateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A mapping in a YAML file; keys are reported dotted from the document root, e.g. {@code prover_gateway.api_url}. */
record YamlSection(JsonNode node, String path) implements Section {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Reads a YAML file. For a secrets file, parse errors report only the position, never the text around it.
     */
    static YamlSection load(Path file, boolean secret) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String detail = secret ? "" : ": " + e.getOriginalMessage().lines().findFirst().orElse("");
            throw new ConfigException("cannot parse YAML file " + file + where + detail);
        } catch (IOException e) {
            throw new ConfigException("cannot read YAML file " + file + ": " + e, e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = MissingNode.getInstance();
        } else if (!root.isObject()) {
            throw new ConfigException("YAML file " + file + " must contain a mapping at the top level");
        }
        return new YamlSection(root, "");
    }

    @Override
    public String key(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The nested mapping {@code field}, if present; a key with no value ({@code field:}) is an empty mapping. */
    Optional<YamlSection> section(String field) {
        JsonNode child = node.path(field);
        if (child.isMissingNode()) {
            return Optional.empty();
        }
        if (child.isNull()) {
            return Optional.of(new YamlSection(MissingNode.getInstance(), key(field)));
        }
        if (!child.isObject()) {
            throw new ConfigException(key(field) + " must be a mapping, not a " + child.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return Optional.of(new YamlSection(child, key(field)));
    }

    YamlSection requiredSection(String field) {
        return section(field).orElseThrow(() -> new ConfigException(key(field) + " is required but not set"));
    }

    boolean has(String field) {
        return !node.path(field).isMissingNode();
    }

    @Override
    public Optional<ConfigValue> optional(String field) {
        JsonNode child = node.path(field);
        if (child.isMissingNode() || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isValueNode()) {
            throw new ConfigException(key(field) + " must be a single value, not a " + child.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String text = child.asText();
        return text.isEmpty() ? Optional.empty() : Optional.of(new ConfigValue(key(field), text));
    }
}
