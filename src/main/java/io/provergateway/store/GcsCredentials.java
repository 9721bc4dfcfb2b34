package io.provergateway.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.Credentials;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.ComputeEngineCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;
import com.google.cloud.NoCredentials;
import io.provergateway.config.ConfigException;
import io.provergateway.config.ObjectStoreConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GCS credentials per mode, as upstream's {@code google-cloud-auth} finds them (spec §5.5). Mode {@code GCS}: the
 * first of {@code GOOGLE_APPLICATION_CREDENTIALS_JSON} (the JSON, or base64 of it), the key file named by
 * {@code GOOGLE_APPLICATION_CREDENTIALS}, {@code ~/.config/gcloud/application_default_credentials.json}, then the
 * metadata server (google-auth honours {@code GCE_METADATA_HOST}). {@code GCSWithCredentialFile}: that service-account
 * key, exchanged at its own {@code token_uri}. {@code GCSAnonymousReadOnly}: none. Key files are parsed here (types
 * {@code service_account} and {@code authorized_user}); errors name the source, never its content. google-auth's own
 * token retries are off where it has them, so failures reach {@link RetryingBlobStore}.
 */
final class GcsCredentials {
    static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform",
            "https://www.googleapis.com/auth/devstorage.full_control");
    static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";
    private static final Logger LOG = LoggerFactory.getLogger(GcsCredentials.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WELL_KNOWN = ".config/gcloud/application_default_credentials.json";

    private GcsCredentials() {}

    /** The credentials and where they came from (for the start-up log line; never the secret itself). */
    record Resolved(Credentials credentials, String source) {}

    static Resolved resolve(ObjectStoreConfig config, Map<String, String> env) {
        HttpTransportFactory transport = transportFactory();
        return switch (config.mode()) {
            case GCSAnonymousReadOnly -> new Resolved(NoCredentials.getInstance(), "anonymous");
            case GCSWithCredentialFile -> {
                Path file = config.gcsCredentialFilePath().orElseThrow(() -> new ConfigException(
                        "mode GCSWithCredentialFile needs gcs_credential_file_path"
                                + " (PROVER_OBJECT_STORE_GCS_CREDENTIAL_FILE_PATH)"));
                String source = "PROVER_OBJECT_STORE_GCS_CREDENTIAL_FILE_PATH (gcs_credential_file_path)=\"" + file + "\"";
                yield new Resolved(fromKeyJson(readFile(file, source), source, transport), "key file " + file);
            }
            case GCS -> ambient(env, transport);
            default -> throw new IllegalArgumentException("not a GCS mode: " + config.mode());
        };
    }

    private static Resolved ambient(Map<String, String> env, HttpTransportFactory transport) {
        String inline = env.get("GOOGLE_APPLICATION_CREDENTIALS_JSON");
        if (inline != null && !inline.isBlank()) {
            String source = "GOOGLE_APPLICATION_CREDENTIALS_JSON";
            return new Resolved(fromKeyJson(decodeInline(inline.trim(), source), source, transport), source);
        }
        String named = env.get("GOOGLE_APPLICATION_CREDENTIALS");
        if (named != null && !named.isBlank()) {
            String source = "GOOGLE_APPLICATION_CREDENTIALS=\"" + named + "\"";
            return new Resolved(fromKeyJson(readFile(Path.of(named), source), source, transport), source);
        }
        Optional<Path> wellKnown = Optional.ofNullable(env.get("HOME")).map(home -> Path.of(home, WELL_KNOWN))
                .filter(Files::isRegularFile);
        if (wellKnown.isPresent()) {
            String source = "gcloud application default credentials " + wellKnown.get();
            return new Resolved(fromKeyJson(readFile(wellKnown.get(), source), source, transport), source);
        }
        String host = Optional.ofNullable(env.get("GCE_METADATA_HOST")).orElse("169.254.169.254");
        LOG.info("gcs_credentials source=metadata_server host={}", host);
        return new Resolved(ComputeEngineCredentials.newBuilder().setScopes(SCOPES).setHttpTransportFactory(transport)
                .build(), "metadata server " + host);
    }

    static HttpTransportFactory transportFactory() {
        NetHttpTransport shared = new NetHttpTransport();
        return () -> shared;
    }

    private static String decodeInline(String value, String source) {
        if (value.startsWith("{")) {
            return value;
        }
        try {
            return new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + " is neither a credentials JSON object nor base64 of one"
                    + " (value not shown)");
        }
    }

    private static String readFile(Path file, String source) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(source + " is not a readable file: " + e.getClass().getSimpleName());
        }
    }

    /** A {@code service_account} or {@code authorized_user} JSON key as google-auth credentials. */
    static Credentials fromKeyJson(String json, String source, HttpTransportFactory transport) {
        JsonNode key;
        try {
            key = JSON.readTree(json);
        } catch (IOException e) {
            throw new ConfigException(source + " is not valid JSON (content not shown)");
        }
        if (key == null || !key.isObject()) {
            throw new ConfigException(source + " is not a JSON object (content not shown)");
        }
        String type = key.path("type").asText("");
        try {
            return switch (type) {
                case "service_account" -> ServiceAccountCredentials.newBuilder()
                        .setClientEmail(required(key, "client_email", source))
                        .setClientId(key.path("client_id").asText(null))
                        .setPrivateKeyString(required(key, "private_key", source))
                        .setPrivateKeyId(key.path("private_key_id").asText(null))
                        .setProjectId(key.path("project_id").asText(null))
                        .setTokenServerUri(URI.create(key.path("token_uri").asText(DEFAULT_TOKEN_URI)))
                        .setScopes(SCOPES)
                        .setHttpTransportFactory(transport)
                        .setDefaultRetriesEnabled(false)
                        .build();
                case "authorized_user" -> UserCredentials.newBuilder()
                        .setClientId(required(key, "client_id", source))
                        .setClientSecret(required(key, "client_secret", source))
                        .setRefreshToken(required(key, "refresh_token", source))
                        .setTokenServerUri(URI.create(key.path("token_uri").asText(DEFAULT_TOKEN_URI)))
                        .setHttpTransportFactory(transport)
                        .build();
                default -> throw new ConfigException(source + " has credentials type \"" + type
                        + "\"; supported are service_account and authorized_user (as upstream)");
            };
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(source + " has an unusable private_key or token_uri (" 
                    + e.getClass().getSimpleName() + "; content not shown)");
        }
    }

    private static String required(JsonNode key, String field, String source) {
        String value = key.path(field).asText("");
        if (value.isEmpty()) {
            throw new ConfigException(source + " has no \"" + field + "\"");
        }
        return value;
    }
}
