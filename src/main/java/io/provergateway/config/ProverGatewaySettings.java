package io.provergateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code prover_gateway} settings (env prefix {@code FRI_PROVER_GATEWAY_}): upstream's five fields plus our own
 * optional ones. In YAML the upstream fields are required as upstream requires them; from env they have defaults.
 */
record ProverGatewaySettings(ApiConfig api, Duration pollInterval, MetricsConfig metrics, Path spoolPath,
        RecoveryConfig recovery, ApiMode apiMode, Optional<PushServerConfig> pushServer) {
    static final Duration DEFAULT_POLL = Duration.ofSeconds(15);
    static final int DEFAULT_LISTENER_PORT = 3314;
    static final String DEFAULT_LISTENER_HOST = "0.0.0.0";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);
    static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024 * 1024;
    static final Path DEFAULT_SPOOL = Path.of("prover-gateway-spool");
    static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024 * 1024;

    /**
     * @param upstreamRequired whether the upstream fields must be present (YAML) or may default (env)
     * @param token the API token, which comes from the secrets (file or env)
     */
    static ProverGatewaySettings read(Section s, boolean upstreamRequired, Optional<Secret> token) {
        ApiMode mode = apiMode(s, upstreamRequired);
        // Upstream HEAD (ProverCluster) still requires api_url but never uses it, and defaults the rest.
        boolean pull = mode == ApiMode.Legacy;
        upstreamRequired = upstreamRequired && pull;
        String apiUrl = pull ? s.required("api_url").asHttpUrl() : s.required("api_url").text();
        Duration poll = upstreamField(s, "api_poll_duration_secs", upstreamRequired)
                .map(ConfigValue::asU16Seconds).orElse(DEFAULT_POLL);
        int port = upstreamField(s, "prometheus_listener_port", upstreamRequired)
                .map(v -> v.asU16("a port number")).orElse(DEFAULT_LISTENER_PORT);
        Optional<String> pushgateway = upstreamField(s, "prometheus_pushgateway_url", upstreamRequired)
                .map(ConfigValue::text);
        Optional<Long> pushInterval = s.optional("prometheus_push_interval_ms")
                .map(v -> v.asWholeNumber(0, Long.MAX_VALUE, "a whole number of milliseconds"));
        String host = s.optional("prometheus_listener_host").map(ConfigValue::asHost).orElse(DEFAULT_LISTENER_HOST);
        ApiConfig api = new ApiConfig(
                apiUrl,
                s.optional("connect_timeout_secs").map(ConfigValue::asPositiveSeconds).orElse(DEFAULT_CONNECT_TIMEOUT),
                s.optional("request_timeout_secs").map(ConfigValue::asPositiveSeconds).orElse(DEFAULT_REQUEST_TIMEOUT),
                s.optional("max_response_bytes").map(v -> v.asWholeNumber(1, Long.MAX_VALUE, "a byte count"))
                        .orElse(DEFAULT_MAX_RESPONSE_BYTES),
                s.optional("api_ca_cert_path").map(ConfigValue::asPath),
                token,
                s.optional("api_zstd").map(ConfigValue::asBoolean).orElse(true));
        Path spool = s.optional("spool_path").map(ConfigValue::asPath).orElse(DEFAULT_SPOOL);
        Duration jobStats = s.optional("job_stats_interval_secs").map(ConfigValue::asPositiveSeconds)
                .orElse(MetricsConfig.DEFAULT_JOB_STATS_INTERVAL);
        return new ProverGatewaySettings(api, poll, new MetricsConfig(host, port, pushgateway, pushInterval, jobStats),
                spool, RecoveryConfig.read(s), mode, pull ? Optional.empty() : Optional.of(pushServer(s)));
    }

    /**
     * {@code api_mode} when set; otherwise a YAML section with {@code port} is an upstream HEAD config (push mode
     * is the only mode there), and everything else is Legacy.
     */
    private static ApiMode apiMode(Section s, boolean yaml) {
        return s.optional("api_mode").map(ApiMode::parse)
                .orElse(yaml && s.optional("port").isPresent() ? ApiMode.ProverCluster : ApiMode.Legacy);
    }

    private static PushServerConfig pushServer(Section s) {
        int port = s.optional("port").orElseThrow(() -> new ConfigException(s.key("port")
                + " is required but not set (the ProverCluster profile serves the core on this port)"))
                .asU16("a port number");
        String host = s.optional("listener_host").map(ConfigValue::asHost).orElse(DEFAULT_LISTENER_HOST);
        long maxBytes = s.optional("max_request_bytes").map(v -> v.asWholeNumber(1, Long.MAX_VALUE, "a byte count"))
                .orElse(DEFAULT_MAX_REQUEST_BYTES);
        return new PushServerConfig(host, port, maxBytes);
    }

    private static Optional<ConfigValue> upstreamField(Section s, String field, boolean required) {
        return required ? Optional.of(s.required(field)) : s.optional(field);
    }
}
