package io.provergateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecoveryConfigTest {

    private static GatewayConfig load(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(ConfigLoaderEnvTest.minimalEnv());
        env.putAll(extra);
        return ConfigLoader.fromEnvironment(env, Optional.empty());
    }

    @Test
    void defaultsTo25sGraceAnd10MinuteRefusalHold() {
        assertThat(load(Map.of()).recovery()).isEqualTo(RecoveryConfig.DEFAULTS);
        assertThat(RecoveryConfig.DEFAULTS.shutdownGrace()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void readsBothSettingsFromTheirEnvVars() {
        RecoveryConfig recovery = load(Map.of("FRI_PROVER_GATEWAY_SHUTDOWN_GRACE_SECS", "5",
                "FRI_PROVER_GATEWAY_REFUSED_PROOF_MAX_HOLD_SECS", "120")).recovery();
        assertThat(recovery.shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(recovery.maxRefusalHold()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void rejectsValuesOutOfRangeNamingTheVariable() {
        assertThatThrownBy(() -> load(Map.of("FRI_PROVER_GATEWAY_SHUTDOWN_GRACE_SECS", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("FRI_PROVER_GATEWAY_SHUTDOWN_GRACE_SECS");
        assertThatThrownBy(() -> load(Map.of("FRI_PROVER_GATEWAY_REFUSED_PROOF_MAX_HOLD_SECS", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("FRI_PROVER_GATEWAY_REFUSED_PROOF_MAX_HOLD_SECS");
    }

    @Test
    void namesASettingByItsYamlPathWhenYamlWasUsed() {
        GatewayConfig config = load(Map.of());
        assertThat(SettingNames.asYaml("FRI_PROVER_GATEWAY_SPOOL_PATH=\"x\" is not usable; MISC_LOG_FORMAT too", config))
                .isEqualTo("prover_gateway.spool_path=\"x\" is not usable; observability.log_format too");
        assertThat(SettingNames.yamlPath("PROVER_OBJECT_STORE_FILE_BACKED_BASE_PATH", "file_backed"))
                .isEqualTo("prover.prover_object_store.file_backed.file_backed_base_path");
        assertThat(SettingNames.yamlMode(ObjectStoreConfig.Mode.GCSWithCredentialFile))
                .isEqualTo("gcs_with_credential_file");
        assertThat(SettingNames.yamlMode(ObjectStoreConfig.Mode.S3AnonymousReadOnly)).isEqualTo("s3_anonymous_read_only");
    }
}
