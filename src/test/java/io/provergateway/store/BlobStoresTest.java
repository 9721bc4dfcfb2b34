package io.provergateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"GCS", "GCSWithCredentialFile", "GCSAnonymousReadOnly"})
    void gcsModes_areRejectedNamingTheMode(Mode mode) {
        ObjectStoreConfig config = new ObjectStoreConfig(mode, Optional.of("bucket"), Optional.empty(),
                Optional.empty(), 5, Optional.empty());

        assertThatThrownBy(() -> BlobStores.create(config, GatewayMetrics.NOOP))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("GCS object store is not supported yet by this build (mode " + mode + ")");
    }
}
