package io.provergateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.config.ObjectStoreConfig.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The S3 settings (spec §5.6), path-style rule and the refusal of the read-only modes, from env and from YAML. */
class ObjectStoreSettingsTest {
    private static final String FILE_BACKED = "    file_backed:\n      file_backed_base_path: artifacts\n";

    @TempDir
    Path dir;

    private static Map<String, String> s3Env() {
        Map<String, String> env = ConfigLoaderEnvTest.minimalEnv();
        env.remove("PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH");
        env.put("PROVER_OBJECT_STORE_MODE", "S3WithCredentialFile");
        env.put("PROVER_OBJECT_STORE_BUCKET_BASE_URL", "via-prover");
        env.put("PROVER_OBJECT_STORE_S3_CREDENTIAL_FILE_PATH", "/secrets/aws");
        return env;
    }

    private GatewayConfig yaml(String storeSection) throws IOException {
        Path general = Files.writeString(dir.resolve("general.yaml"),
                io.provergateway.testsupport.UpstreamYamlExample.GENERAL.replace(FILE_BACKED, storeSection));
        return ConfigLoader.fromYaml(general, Optional.empty(), Map.of("DATABASE_URL", "postgres://u@h/db"));
    }

    @Test
    void loadsS3WithCredentialFile_fromEnv_withEndpointRegionAndPathStyle() {
        Map<String, String> env = s3Env();
        env.put("PROVER_OBJECT_STORE_ENDPOINT", "http://127.0.0.1:9000");
        env.put("PROVER_OBJECT_STORE_REGION", "auto");
        env.put("PROVER_OBJECT_STORE_S3_PATH_STYLE", "false");

        ObjectStoreConfig store = ConfigLoader.fromEnvironment(env).objectStore();

        assertThat(store.mode()).isEqualTo(Mode.S3WithCredentialFile);
        assertThat(store.bucketBaseUrl()).contains("via-prover");
        assertThat(store.s3CredentialFilePath()).contains(Path.of("/secrets/aws"));
        assertThat(store.endpoint()).contains("http://127.0.0.1:9000");
        assertThat(store.region()).contains("auto");
        assertThat(store.effectiveS3PathStyle()).isFalse();
    }

    @Test
    void pathStyle_followsTheEndpointOverride_unlessSet() {
        Map<String, String> env = s3Env();
        assertThat(ConfigLoader.fromEnvironment(env).objectStore().effectiveS3PathStyle()).isFalse();
        env.put("PROVER_OBJECT_STORE_ENDPOINT", "https://account.r2.cloudflarestorage.com");
        assertThat(ConfigLoader.fromEnvironment(env).objectStore().effectiveS3PathStyle()).isTrue();
        env.remove("PROVER_OBJECT_STORE_ENDPOINT");
        env.put("PROVER_OBJECT_STORE_S3_PATH_STYLE", "true");
        assertThat(ConfigLoader.fromEnvironment(env).objectStore().effectiveS3PathStyle()).isTrue();
    }

    @Test
    void loadsS3WithCredentialFile_fromYaml() throws IOException {
        GatewayConfig config = yaml("    s3_with_credential_file:\n      bucket_base_url: via-prover\n"
                + "      s3_credential_file_path: /aws\n      endpoint: http://minio:9000\n      region: eu-west-1\n"
                + "    local_mirror_path: /mirror\n");

        ObjectStoreConfig store = config.objectStore();
        assertThat(store).isEqualTo(new ObjectStoreConfig(Mode.S3WithCredentialFile, Optional.of("via-prover"),
                Optional.empty(), Optional.empty(), 10, Optional.of(Path.of("/mirror")), Optional.of(Path.of("/aws")),
                Optional.of("http://minio:9000"), Optional.of("eu-west-1"), Optional.empty()));
    }

    @Test
    void rejectsS3WithoutCredentialFile_namingTheVariable() {
        Map<String, String> env = s3Env();
        env.remove("PROVER_OBJECT_STORE_S3_CREDENTIAL_FILE_PATH");

        assertThatThrownBy(() -> ConfigLoader.fromEnvironment(env))
                .hasMessage("PROVER_OBJECT_STORE_S3_CREDENTIAL_FILE_PATH is required but not set");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PROVER_OBJECT_STORE_S3_PATH_STYLE|yes|is not one of false, true",
        "PROVER_OBJECT_STORE_ENDPOINT|minio:9000|is not an absolute http:// or https:// URL",
        "PROVER_OBJECT_STORE_REGION|eu west|is not a region name (e.g. us-east-1, auto)",
    })
    void rejectsBadS3Values_namingVariableAndValue(String name, String value, String why) {
        Map<String, String> env = s3Env();
        env.put(name, value);

        assertThatThrownBy(() -> ConfigLoader.fromEnvironment(env)).isInstanceOf(ConfigException.class)
                .hasMessage(name + "=\"" + value + "\" " + why);
    }

    @ParameterizedTest
    @CsvSource({"GCSAnonymousReadOnly,GCS or GCSWithCredentialFile", "S3AnonymousReadOnly,S3WithCredentialFile"})
    void refusesTheReadOnlyModes_fromEnv_namingTheModeAndWhy(String mode, String instead) {
        Map<String, String> env = s3Env();
        env.put("PROVER_OBJECT_STORE_MODE", mode);

        assertThatThrownBy(() -> ConfigLoader.fromEnvironment(env)).isInstanceOf(ConfigException.class)
                .hasMessage("PROVER_OBJECT_STORE_MODE=\"" + mode + "\" is refused: an anonymous object store is"
                        + " read-only, but the gateway must write witness inputs (witness_inputs/witness_inputs_{n}.bin);"
                        + " use " + instead);
    }

    @Test
    void refusesTheReadOnlyModes_fromYaml_namingTheKey() {
        assertThatThrownBy(() -> yaml("    s3_anonymous_read_only:\n      bucket_base_url: public\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("prover.prover_object_store.s3_anonymous_read_only is refused: an anonymous");
    }

    @Test
    void rejectsTwoModes_inYaml() {
        assertThatThrownBy(() -> yaml(FILE_BACKED + "    gcs:\n      bucket_base_url: b\n"))
                .hasMessageEndingWith("(found gcs, file_backed)");
    }

    @Test
    void reportShowsEveryS3Setting_andWarnsAboutAUrlAsBucket() {
        Map<String, String> env = s3Env();
        env.put("PROVER_OBJECT_STORE_BUCKET_BASE_URL", "s3://via-prover");
        GatewayConfig config = ConfigLoader.fromEnvironment(env);

        assertThat(ConfigReport.render(config)).contains("PROVER_OBJECT_STORE_S3_CREDENTIAL_FILE_PATH", "/secrets/aws",
                "PROVER_OBJECT_STORE_ENDPOINT", "PROVER_OBJECT_STORE_REGION", "PROVER_OBJECT_STORE_S3_PATH_STYLE",
                "is not a bare bucket name", "s3_credential_file_path \"/secrets/aws\" is not a readable file");
    }
}
