package io.provergateway.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Upstream {@code ObjectStoreConfig} (spec §5.5, §5.6). {@code bucketBaseUrl} is the GCS or S3 bucket name (remote
 * modes); {@code endpoint}, {@code region} and {@code s3PathStyle} apply to the S3 modes only.
 */
public record ObjectStoreConfig(
        Mode mode,
        Optional<String> bucketBaseUrl,
        Optional<Path> gcsCredentialFilePath,
        Optional<Path> fileBackedBasePath,
        int maxRetries,
        Optional<Path> localMirrorPath,
        Optional<Path> s3CredentialFilePath,
        Optional<String> endpoint,
        Optional<String> region,
        Optional<Boolean> s3PathStyle) {

    /** A FileBacked or GCS configuration (no S3 fields). */
    public ObjectStoreConfig(Mode mode, Optional<String> bucketBaseUrl, Optional<Path> gcsCredentialFilePath,
            Optional<Path> fileBackedBasePath, int maxRetries, Optional<Path> localMirrorPath) {
        this(mode, bucketBaseUrl, gcsCredentialFilePath, fileBackedBasePath, maxRetries, localMirrorPath,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Upstream mode names, as written in {@code PROVER_OBJECT_STORE_MODE}. */
    public enum Mode {
        GCS, GCSWithCredentialFile, GCSAnonymousReadOnly, FileBacked, S3WithCredentialFile, S3AnonymousReadOnly;

        public boolean isGcs() {
            return this == GCS || this == GCSWithCredentialFile || this == GCSAnonymousReadOnly;
        }

        public boolean isS3() {
            return this == S3WithCredentialFile || this == S3AnonymousReadOnly;
        }

        /** Anonymous modes: the store can only read public objects. */
        public boolean isReadOnly() {
            return this == GCSAnonymousReadOnly || this == S3AnonymousReadOnly;
        }
    }

    /**
     * Path-style S3 addressing ({@code endpoint/bucket/key}): as configured, else whenever an endpoint override is
     * set (MinIO, s3proxy and most S3-compatible servers need it), else virtual-hosted.
     */
    public boolean effectiveS3PathStyle() {
        return s3PathStyle.orElse(endpoint.isPresent());
    }
}
