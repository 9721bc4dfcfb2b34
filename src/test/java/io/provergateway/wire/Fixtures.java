package io.provergateway.wire;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared upstream fixtures, read in place from {@code ../shared/fixtures} (relative to the project basedir). */
final class Fixtures {
    static final Path DIR = Path.of("..", "shared", "fixtures");

    private Fixtures() {}

    /** The bytes of a fixture; skips the test when the fixtures folder is not there. */
    static byte[] read(String name) {
        assumeTrue(Files.isDirectory(DIR), "fixtures folder " + DIR.toAbsolutePath() + " not present; skipping");
        try {
            return Files.readAllBytes(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
