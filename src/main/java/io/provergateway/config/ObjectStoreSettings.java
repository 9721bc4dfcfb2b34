package io.provergateway.config;

import io.provergateway.config.ObjectStoreConfig.Mode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads upstream's {@code ObjectStoreConfig} (spec §5.5, §5.6): from env the mode is {@code PROVER_OBJECT_STORE_MODE}
 * and its fields sit next to it; in YAML the mode is a oneof of nested mappings. The anonymous modes load as upstream
 * but are refused: the gateway has to write witness inputs.
 */
final class ObjectStoreSettings {
    static final int DEFAULT_MAX_RETRIES = 5;
    /** The YAML oneof keys, in the order of {@link Mode}. */
    static final List<String> YAML_MODES = List.of("gcs", "gcs_with_credential_file", "gcs_anonymous_read_only",
            "file_backed", "s3_with_credential_file", "s3_anonymous_read_only");
    private static final Map<String, Mode> ENV_MODES =
            Arrays.stream(Mode.values()).collect(Collectors.toMap(Mode::name, m -> m));
    private static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "false", false);

    private ObjectStoreSettings() {}

    static ObjectStoreConfig fromEnv(EnvSection s) {
        ConfigValue modeValue = s.required("mode");
        Mode mode = modeValue.asOneOf(ENV_MODES);
        int maxRetries = s.optional("max_retries").map(v -> v.asU16("a retry count")).orElse(DEFAULT_MAX_RETRIES);
        return build(mode, modeValue.quoted(), s, maxRetries, s);
    }

    /** {@code section} is {@code prover.prover_object_store}; exactly one mode mapping and {@code max_retries} are required. */
    static ObjectStoreConfig fromYaml(YamlSection section) {
        List<String> present = YAML_MODES.stream().filter(section::has).toList();
        if (present.size() != 1) {
            throw new ConfigException(section.path() + " must contain exactly one of " + String.join(", ", YAML_MODES)
                    + (present.isEmpty() ? " (found none)" : " (found " + String.join(", ", present) + ")"));
        }
        String modeKey = present.get(0);
        Mode mode = Mode.values()[YAML_MODES.indexOf(modeKey)];
        YamlSection modeFields = section.requiredSection(modeKey);
        int maxRetries = section.required("max_retries").asU16("a retry count");
        return build(mode, section.key(modeKey), modeFields, maxRetries, section);
    }

    private static ObjectStoreConfig build(Mode mode, String modeName, Section f, int maxRetries, Section common) {
        boolean remote = mode != Mode.FileBacked;
        Optional<String> bucket = remote ? Optional.of(f.required("bucket_base_url").text()) : Optional.empty();
        Optional<Path> gcsCredentials = mode == Mode.GCSWithCredentialFile
                ? Optional.of(f.required("gcs_credential_file_path").asPath()) : Optional.empty();
        Optional<Path> basePath = remote ? Optional.empty() : Optional.of(f.required("file_backed_base_path").asPath());
        Optional<Path> s3Credentials = mode == Mode.S3WithCredentialFile
                ? Optional.of(f.required("s3_credential_file_path").asPath()) : Optional.empty();
        Optional<String> endpoint = mode.isS3() ? f.optional("endpoint").map(ConfigValue::asHttpUrl) : Optional.empty();
        Optional<String> region = mode.isS3() ? f.optional("region").map(ObjectStoreSettings::region) : Optional.empty();
        Optional<Boolean> pathStyle = mode.isS3()
                ? f.optional("s3_path_style").map(v -> v.asOneOf(BOOLEANS)) : Optional.empty();
        if (mode.isReadOnly()) {
            throw new ConfigException(modeName + " is refused: an anonymous object store is read-only, but the gateway"
                    + " must write witness inputs (witness_inputs/witness_inputs_{n}.bin); use "
                    + (mode.isGcs() ? "GCS or GCSWithCredentialFile" : "S3WithCredentialFile"));
        }
        return new ObjectStoreConfig(mode, bucket, gcsCredentials, basePath, maxRetries,
                common.optional("local_mirror_path").map(ConfigValue::asPath), s3Credentials, endpoint, region,
                pathStyle);
    }

    private static String region(ConfigValue value) {
        if (value.text().isBlank() || value.text().chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
            throw value.invalid("is not a region name (e.g. us-east-1, auto)");
        }
        return value.text();
    }
}
