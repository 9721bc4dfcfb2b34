package io.provergateway.testsupport;

import java.nio.file.Path;

/** The upstream example {@code general.yaml} and {@code secrets.yaml} (spec §6.2): verbatim, or aimed at a test. */
public final class UpstreamYamlExample {
    /** etc/env/file_based/general.yaml excerpt, as the spec quotes it. */
    public static final String GENERAL = """
        postgres:
          max_connections: 100
        observability:
          log_format: plain
        prover:
          prover_object_store:
            file_backed:
              file_backed_base_path: artifacts
            max_retries: 10
          setup_data_path: data/keys
          prometheus_port: 3315
          max_attempts: 10
          generation_timeout_in_secs: 600
          setup_load_mode: FROM_DISK
          specialized_group_id: 100
          queue_capacity: 10
          witness_vector_receiver_port: 3316
          zone_read_url: http://metadata.google.internal/computeMetadata/v1/instance/zone
          shall_save_to_public_bucket: true
        prover_gateway:
          api_url: http://127.0.0.1:3320
          api_poll_duration_secs: 15
          prometheus_listener_port: 3310
          prometheus_pushgateway_url: http://127.0.0.1:9091
          prometheus_push_interval_ms: 100
        """;
    public static final String SECRETS = """
        # secrets.yaml
        database:
          prover_url: postgres://postgres:notsecurepassword@localhost/prover_local
        """;

    private UpstreamYamlExample() {}

    /** The same file with the core URL, metrics port and store directory of a test, and a 1 s poll. */
    public static String general(String apiUrl, int metricsPort, Path storeDir) {
        return replaced(replaced(replaced(replaced(GENERAL,
                "api_url: http://127.0.0.1:3320", "api_url: " + apiUrl),
                "prometheus_listener_port: 3310", "prometheus_listener_port: " + metricsPort),
                "file_backed_base_path: artifacts", "file_backed_base_path: " + storeDir),
                "api_poll_duration_secs: 15", "api_poll_duration_secs: 1");
    }

    public static String secrets(String proverUrl) {
        return replaced(SECRETS, "postgres://postgres:notsecurepassword@localhost/prover_local", proverUrl);
    }

    private static String replaced(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalStateException("the upstream example has no \"" + from + "\"");
        }
        return text.replace(from, to);
    }
}
