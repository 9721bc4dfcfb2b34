package io.provergateway.it;

import java.nio.file.Path;

/** The upstream example {@code general.yaml} and {@code secrets.yaml} (spec §6.2), pointed at the test's services. */
final class UpstreamYaml {
    private UpstreamYaml() {}

    static String general(String apiUrl, int metricsPort, Path storeDir) {
        return """
                postgres:
                  max_connections: 100
                observability:
                  log_format: plain
                prover:
                  prover_object_store:
                    file_backed:
                      file_backed_base_path: %s
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
                  api_url: %s
                  api_poll_duration_secs: 1
                  prometheus_listener_port: %d
                  prometheus_pushgateway_url: http://127.0.0.1:9091
                  prometheus_push_interval_ms: 100
                """.formatted(storeDir, apiUrl, metricsPort);
    }

    static String secrets(String proverUrl) {
        return """
                database:
                  prover_url: %s
                """.formatted(proverUrl);
    }
}
