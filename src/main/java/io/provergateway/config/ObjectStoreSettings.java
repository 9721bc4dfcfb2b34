package io.provergateway.config;

import io.provergateway.config.ObjectStoreConfig.Mode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads upstream's {@code ObjectStoreConfig} (spec §5.5): from env the mode is {@code PROVER_OBJECT_STORE_MODE} and
 * its fields sit next to it; in YAML the mode is a oneof of nested mappings.
 */
final class ObjectStoreSettings {
    static final int DEFAULT_MAX_RETRIES = 5;
    /** The YAML oneof keys, in the order of {@link Mode}. */
    static final List<String> YAML_MODES =
            List.of("gcs", "gcs_with_credential_file", "gcs_anonymous_read_only", "file_backed");
    private static final Map<String, Mode> ENV_MODES =
            Arrays.stream(Mode.values()).collect(Collectors.toMap(Mode::name, m -> m));

    private ObjectStoreSettings() {}

    static ObjectStoreConfig fromEnv(EnvSection s) {
        Mode mode = s.required("mode").asOneOf(ENV_MODES);
        int maxRetries = s.optional("max_retries").map(v -> v.asU16("a retry count")).orElse(DEFAULT_MAX_RETRIES);
        return build(mode, s, maxRetries, s);
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
        return build(mode, modeFields, maxRetries, section);
    }

    private static ObjectStoreConfig build(Mode mode, Section modeFields, int maxRetries, Section common) {
        boolean gcs = mode != Mode.FileBacked;
        Optional<String> bucket = gcs ? Optional.of(modeFields.required("bucket_base_url").text()) : Optional.empty();
        Optional<Path> credentials = mode == Mode.GCSWithCredentialFile
                ? Optional.of(modeFields.required("gcs_credential_file_path").asPath())
                : Optional.empty();
        Optional<Path> basePath = gcs ? Optional.empty()
                : Optional.of(modeFields.required("file_backed_base_path").asPath());
        return new ObjectStoreConfig(mode, bucket, credentials, basePath, maxRetries,
                common.optional("local_mirror_path").map(ConfigValue::asPath));
    }
}
