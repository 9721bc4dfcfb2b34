package io.provergateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReportTest {
    private static final String DB_PASSWORD = "S3cr3t-db-pw";
    private static final String TOKEN = "T0ken-xyz";
    private static final String API_PASSWORD = "api-basic-pw";

    @TempDir
    Path dir;

    private static Map<String, String> envWithSecrets() {
        Map<String, String> env = ConfigLoaderEnvTest.minimalEnv();
        env.put("DATABASE_PROVER_URL", "postgres://gw:" + DB_PASSWORD + "@db:5432/prover?sslmode=require");
        env.put("FRI_PROVER_GATEWAY_API_TOKEN", TOKEN);
        env.put("FRI_PROVER_GATEWAY_API_URL", "https://user:" + API_PASSWORD + "@core.example/");
        env.put("FRI_PROVER_GATEWAY_PROMETHEUS_PUSHGATEWAY_URL", "http://push:" + API_PASSWORD + "@pgw:9091");
        return env;
    }

    @Test
    void rendersEverySetting_withSecretsMasked() {
        GatewayConfig config = ConfigLoader.fromEnvironment(envWithSecrets());

        String report = ConfigReport.render(config);

        assertThat(report).contains("prover_gateway.api_url", "FRI_PROVER_GATEWAY_API_URL",
                "https://user:***@core.example/", "prover_gateway.api_token", "***",
                "jdbc:postgresql://db:5432/prover?sslmode=require user=gw password=***",
                "postgres.max_connections", "DATABASE_POOL_SIZE", "prover.prover_object_store.max_retries",
                "FileBacked", "artifacts", "prover-gateway-spool", "3314", "(default)", "warnings:", "ends with '/'");
        assertThat(report).doesNotContain(DB_PASSWORD, TOKEN, API_PASSWORD);
        assertThat(config.toString()).doesNotContain(DB_PASSWORD, TOKEN);
    }

    @Test
    void showsTheGcsClientsAmbientVariables_withTheInlineCredentialsOnlyAsSet() {
        Map<String, String> env = envWithSecrets();
        env.put("PROVER_OBJECT_STORE_MODE", "GCS");
        env.put("PROVER_OBJECT_STORE_BUCKET_BASE_URL", "via-prover-artifacts");
        env.put("STORAGE_EMULATOR_HOST", "http://127.0.0.1:4443");
        env.put("GOOGLE_APPLICATION_CREDENTIALS_JSON", "{\"private_key\":\"" + TOKEN + "\"}");

        String report = ConfigReport.render(ConfigLoader.fromEnvironment(env), env);

        assertThat(report).containsPattern("STORAGE_EMULATOR_HOST +http://127\\.0\\.0\\.1:4443")
                .containsPattern("GOOGLE_APPLICATION_CREDENTIALS +\\(not set\\)")
                .containsPattern("GOOGLE_APPLICATION_CREDENTIALS_JSON +\\*\\*\\* \\(set\\)")
                .doesNotContain(TOKEN, "AWS_ACCESS_KEY_ID");
    }

    @Test
    void showsTheS3ClientsAmbientVariables_withKeysOnlyAsSet() {
        Map<String, String> env = envWithSecrets();
        env.put("PROVER_OBJECT_STORE_MODE", "S3WithCredentialFile");
        env.put("PROVER_OBJECT_STORE_BUCKET_BASE_URL", "artifacts");
        env.put("PROVER_OBJECT_STORE_S3_CREDENTIAL_FILE_PATH", "/secrets/aws");
        env.put("AWS_REGION", "eu-central-1");
        env.put("AWS_SECRET_ACCESS_KEY", TOKEN);

        String report = ConfigReport.render(ConfigLoader.fromEnvironment(env), env);

        assertThat(report).containsPattern("AWS_REGION +eu-central-1")
                .containsPattern("AWS_SECRET_ACCESS_KEY +\\*\\*\\* \\(set\\)")
                .containsPattern("AWS_ACCESS_KEY_ID +\\(not set\\)")
                .doesNotContain(TOKEN, "STORAGE_EMULATOR_HOST");
    }

    @Test
    void reportsNoWarnings_forSpecExample() throws IOException {
        Path general = Files.writeString(dir.resolve("general.yaml"), ConfigLoaderYamlTest.SPEC_GENERAL_YAML);
        GatewayConfig config = ConfigLoader.fromYaml(general, Optional.empty(),
                Map.of("DATABASE_URL", "postgres://u:" + DB_PASSWORD + "@h/db"));

        assertThat(ConfigReport.warnings(config)).isEmpty();
        assertThat(ConfigReport.render(config)).contains("no warnings").doesNotContain(DB_PASSWORD);
    }

    @Test
    void neverPutsSecretsIntoLoaderErrors_forBadUrls() throws IOException {
        List<String> badDbUrls = List.of(
                "mysql://gw:" + DB_PASSWORD + "@db/prover",
                "postgres://gw:" + DB_PASSWORD + "@db:port/prover",
                "postgres://gw:" + DB_PASSWORD + "%zz@db/prover",
                "postgres://gw:pa/" + DB_PASSWORD + "@db/prover",
                "postgres://gw:pa#" + DB_PASSWORD + "@db/prover",
                "jdbc:postgresql://db/prover?password=" + DB_PASSWORD + "&sslmode=bogus");
        for (String url : badDbUrls) {
            Map<String, String> env = envWithSecrets();
            env.put("DATABASE_PROVER_URL", url);
            assertNoSecretIn(() -> ConfigLoader.fromEnvironment(env));
            Path secrets = Files.writeString(dir.resolve("secrets.yaml"), "database:\n  prover_url: '" + url + "'\n");
            Path general = Files.writeString(dir.resolve("general.yaml"), ConfigLoaderYamlTest.SPEC_GENERAL_YAML);
            assertNoSecretIn(() -> ConfigLoader.fromYaml(general, Optional.of(secrets), Map.of()));
        }
        Map<String, String> badApi = envWithSecrets();
        badApi.put("FRI_PROVER_GATEWAY_API_URL", "https://user:" + API_PASSWORD + "@core example/?q");
        assertNoSecretIn(() -> ConfigLoader.fromEnvironment(badApi));
        Map<String, String> badToken = envWithSecrets();
        badToken.put("FRI_PROVER_GATEWAY_API_TOKEN", TOKEN + " \n");
        assertNoSecretIn(() -> ConfigLoader.fromEnvironment(badToken));
    }

    private static void assertNoSecretIn(Runnable load) {
        ConfigException error = catchThrowableOfType(ConfigException.class, load::run);
        assertThat(error).as("expected a ConfigException").isNotNull();
        assertThat(error.getMessage()).doesNotContain(DB_PASSWORD, TOKEN, API_PASSWORD).doesNotContain("\n");
        assertThat(error.getCause()).isNull();
    }
}
