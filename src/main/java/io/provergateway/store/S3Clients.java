package io.provergateway.store;

import io.provergateway.config.ConfigException;
import io.provergateway.config.ObjectStoreConfig;
import io.provergateway.config.ObjectStoreConfig.Mode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the S3 client for the S3 modes (spec §5.6): region as configured, else {@code AWS_REGION} /
 * {@code AWS_DEFAULT_REGION} / the AWS profile, else {@code auto}; endpoint override; path-style addressing when an
 * endpoint is set (or as {@code s3_path_style} says); credentials from the INI file's {@code [default]} profile, then
 * the SDK's default chain (env, web identity, instance role). The SDK's own retries are off: our decorator retries.
 * Checksums only where S3 requires them, which S3-compatible servers (MinIO, R2, s3proxy) all accept.
 */
final class S3Clients {
    private static final Logger LOG = LoggerFactory.getLogger(S3Clients.class);
    private static final String DEFAULT_PROFILE = "default";
    /**
     * Upstream's later per-attempt bound (PR #4762). Each S3 attempt moves at most one 16 MiB object or one 8 MiB
     * part (a read attempt ends when the response starts streaming), so only a stalled attempt reaches it, including
     * one whose upload the server stopped reading, which the socket timeout cannot see.
     */
    static final Duration ATTEMPT_LIMIT = Duration.ofSeconds(300);

    private S3Clients() {}

    static S3Client create(ObjectStoreConfig config, Map<String, String> env, StoreTimeouts timeouts) {
        Region region = Region.of(region(config, env));
        var builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials(config))
                .forcePathStyle(config.effectiveS3PathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(ATTEMPT_LIMIT))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(timeouts.connect())
                        .socketTimeout(timeouts.stall())
                        .connectionAcquisitionTimeout(timeouts.connect()));
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw new ConfigException("cannot set up the S3 client for bucket " + config.bucketBaseUrl().orElse("")
                    + ": " + e.getMessage(), e);
        }
    }

    static String region(ObjectStoreConfig config, Map<String, String> env) {
        if (config.region().isPresent()) {
            return config.region().get();
        }
        for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        try {
            return new AwsProfileRegionProvider().getRegion().id();
        } catch (RuntimeException none) {
            return "auto";
        }
    }

    private static AwsCredentialsProvider credentials(ObjectStoreConfig config) {
        if (config.mode() == Mode.S3AnonymousReadOnly) {
            return AnonymousCredentialsProvider.create();
        }
        Path file = config.s3CredentialFilePath().orElseThrow(() -> new ConfigException(
                "mode S3WithCredentialFile needs s3_credential_file_path (PROVER_OBJECT_STORE_S3_CREDENTIAL_FILE_PATH)"));
        ProfileFile profiles = readProfiles(file);
        Optional<Profile> profile = profiles.profile(DEFAULT_PROFILE);
        boolean complete = profile.flatMap(p -> p.property("aws_access_key_id")).isPresent()
                && profile.flatMap(p -> p.property("aws_secret_access_key")).isPresent();
        if (!complete) {
            LOG.warn("s3_credential_file_incomplete path={} (no [default] aws_access_key_id and aws_secret_access_key);"
                    + " using the AWS default credential chain", file);
            return DefaultCredentialsProvider.builder().build();
        }
        return AwsCredentialsProviderChain.builder().credentialsProviders(
                ProfileCredentialsProvider.builder().profileFile(profiles).profileName(DEFAULT_PROFILE).build(),
                DefaultCredentialsProvider.builder().build()).build();
    }

    private static ProfileFile readProfiles(Path file) {
        String key = "PROVER_OBJECT_STORE_S3_CREDENTIAL_FILE_PATH (s3_credential_file_path)=\"" + file + "\"";
        if (!Files.isReadable(file)) {
            throw new ConfigException(key + " is not a readable file");
        }
        try {
            return ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS).build();
        } catch (RuntimeException e) {
            throw new ConfigException(key + " is not an AWS credentials file (INI with a [default] section)");
        }
    }
}
