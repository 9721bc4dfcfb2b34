package io.provergateway.config;

import java.nio.file.Path;
import java.util.Optional;

/** Upstream {@code ObjectStoreConfig} (spec §5.5). */
public record ObjectStoreConfig(
        Mode mode,
        Optional<String> bucketBaseUrl,
        Optional<Path> gcsCredentialFilePath,
        Optional<Path> fileBackedBasePath,
        int maxRetries,
        Optional<Path> localMirrorPath) {

    /** Upstream mode names, as written in {@code PROVER_OBJECT_STORE_MODE}. */
    public enum Mode { GCS, GCSWithCredentialFile, GCSAnonymousReadOnly, FileBacked }
}
