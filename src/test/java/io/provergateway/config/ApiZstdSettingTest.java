package io.provergateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiZstdSettingTest {

    private static GatewayConfig load(String zstd) {
        Map<String, String> env = ConfigLoaderEnvTest.minimalEnv();
        if (zstd != null) {
            env.put("FRI_PROVER_GATEWAY_API_ZSTD", zstd);
        }
        return ConfigLoader.fromEnvironment(env);
    }

    @Test
    void zstdIsAskedForByDefault() {
        assertThat(load(null).api().acceptZstd()).isTrue();
    }

    @Test
    void zstdCanBeSwitchedOff_inAnyCase() {
        assertThat(load("false").api().acceptZstd()).isFalse();
        assertThat(load("FALSE").api().acceptZstd()).isFalse();
        assertThat(load("True").api().acceptZstd()).isTrue();
    }

    @Test
    void aValueOtherThanTrueOrFalse_isAConfigErrorNamingTheVariable() {
        assertThatThrownBy(() -> load("no")).isInstanceOf(ConfigException.class)
                .hasMessage("FRI_PROVER_GATEWAY_API_ZSTD=\"no\" is not true or false");
    }

    @Test
    void checkConfigShowsTheSetting() {
        assertThat(ConfigReport.render(load("false"))).contains("FRI_PROVER_GATEWAY_API_ZSTD").contains("false");
    }
}
