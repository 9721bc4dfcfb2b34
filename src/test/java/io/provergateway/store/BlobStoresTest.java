package io.provergateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.provergateway.config.ConfigException;
import io.provergateway.config.ObjectStoreConfig;
import io.provergateway.config.ObjectStoreConfig.Mode;
import io.provergateway.metrics.GatewayMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoresTest {
    @TempDir
    Path base;

    @Test
    void fileBackedMode_givesAWorkingStoreUnderTheBasePath() throws IOException {
        ObjectStoreConfig config = new ObjectStoreConfig(Mode.FileBacked, Optional.empty(), Optional.empty(),
                Optional.of(base.resolve("store")), 5, Optional.empty());
        BlobStore store = BlobStores.create(config, GatewayMetrics.NOOP);
        Path content = Files.writeString(base.resolve("c.bin"), "abc");

        store.put("witness_inputs", "witness_inputs_1.bin", content);

        assertThat(store).isInstanceOf(MeteredBlobStore.class);
        assertThat(base.resolve("store/witness_inputs/witness_inputs_1.bin")).hasContent("abc");
        try (InputStream in = store.open("witness_inputs", "witness_inputs_1.bin")) {
            assertThat(in.readAllBytes()).hasSize(3);
        }
    }

    @Test
    void s3Mode_withAMissingCredentialFile_isAConfigErrorNamingTheSetting() {
        ObjectStoreConfig config = new ObjectStoreConfig(Mode.S3WithCredentialFile, Optional.of("bucket"),
                Optional.empty(), Optional.empty(), 5, Optional.empty(), Optional.of(base.resolve("nope")),
                Optional.of("http://127.0.0.1:9"), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> BlobStores.create(config, GatewayMetrics.NOOP))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PROVER_OBJECT_STORE_S3_CREDENTIAL_FILE_PATH")
                .hasMessageContaining("is not a readable file");
    }

    @Test
    void gcsMode_withAKeyFileThatIsNotJson_isAConfigErrorNamingTheSetting_withoutItsContent() throws IOException {
        Path key = Files.writeString(base.resolve("sa.json"), "private-key-material-xyz");
        ObjectStoreConfig config = new ObjectStoreConfig(Mode.GCSWithCredentialFile, Optional.of("bucket"),
                Optional.of(key), Optional.empty(), 5, Optional.empty());

        assertThatThrownBy(() -> BlobStores.create(config, GatewayMetrics.NOOP))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PROVER_OBJECT_STORE_GCS_CREDENTIAL_FILE_PATH")
                .hasMessageNotContaining("private-key-material-xyz");
    }

    @Test
    void remoteModeWithMirror_isMeteredMirroringRetrying() {
        ObjectStoreConfig config = new ObjectStoreConfig(Mode.S3WithCredentialFile, Optional.of("bucket"),
                Optional.empty(), Optional.empty(), 5, Optional.of(base.resolve("mirror")),
                Optional.of(writeCredentials()), Optional.of("http://127.0.0.1:9"), Optional.empty(), Optional.empty());

        try (BlobStore store = BlobStores.create(config, GatewayMetrics.NOOP)) {
            assertThat(store).isInstanceOf(MeteredBlobStore.class);
            assertThat(base.resolve("mirror/witness_inputs")).isDirectory();
        }
    }

    private Path writeCredentials() {
        try {
            return Files.writeString(base.resolve("aws"), "[default]\naws_access_key_id=a\naws_secret_access_key=b\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
