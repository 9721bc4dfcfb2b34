package io.provergateway.store;

import io.provergateway.metrics.TransferProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Upstream {@code FileBackedObjectStore}: object {@code bucket/key} lives at {@code {base}/{bucket}/{key}}. Unlike
 * upstream's plain {@code fs::write}, {@link #put} is atomic: the content goes to a hidden temp file in the same
 * directory, is fsynced, and is renamed over the final name, so readers never see a partial object.
 *
 * <p>Only interrupted and timed-out I/O is retriable (upstream parity); a missing file is
 * {@link BlobNotFoundException}. Keys and buckets must be single, non-hidden path segments.
 */
public final class FileBlobStore implements BlobStore {

    /** The bucket directories upstream creates on start-up (spec §5.5). */
    public static final List<String> UPSTREAM_BUCKETS = List.of(
            "prover_jobs", ObjectKeys.WITNESS_INPUTS, "leaf_aggregation_witness_jobs",
            "node_aggregation_witness_jobs", "scheduler_witness_jobs", "prover_jobs_fri",
            "leaf_aggregation_witness_jobs_fri", "node_aggregation_witness_jobs_fri", "scheduler_witness_jobs_fri",
            ObjectKeys.PROOFS_FRI, "storage_logs_snapshots", "vm_dumps");

    private static final SecureRandom RANDOM = new SecureRandom();
    /** {@code .{key}.tmp-{16 hex}}: the names {@link #put} writes before its rename. */
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.tmp-[0-9a-f]{16}");

    private final Path base;

    /** Creates {@code base} and the upstream bucket directories if missing. */
    public FileBlobStore(Path base) {
        this.base = base.toAbsolutePath().normalize();
        for (String bucket : UPSTREAM_BUCKETS) {
            Path dir = this.base.resolve(bucket);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new BlobStoreException("cannot create bucket directory " + dir + ": " + e, false, e);
            }
        }
    }

    public Path base() {
        return base;
    }

    /**
     * Deletes the hidden temp files that a writer killed in mid-{@link #put} left in {@code bucket}, if they are older
     * than {@code minAge} (so another instance's write in progress is never touched). Returns how many were removed.
     */
    public int removeStaleTempFiles(String bucket, Duration minAge) {
        Instant cutoff = Instant.now().minus(minAge);
        int removed = 0;
        try (Stream<Path> files = Files.list(pathOf(bucket, "x").getParent())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (TEMP_NAME.matcher(file.getFileName().toString()).matches()
                        && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw failure("sweep", bucket, "(temp files)", base.resolve(bucket), e);
        }
        return removed;
    }

    @Override
    public void put(String bucket, String key, Path content) {
        Path target = pathOf(bucket, key);
        Path dir = target.getParent();
        Path temp = dir.resolve("." + key + ".tmp-" + randomSuffix());
        try {
            Files.createDirectories(dir);
            if (!linkDurably(content, temp)) {
                writeDurably(content, temp);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            deleteQuietly(temp);
            throw new BlobStoreException("cannot store " + bucket + "/" + key + ": no such file " + e.getFile()
                    + " (content " + content + ", target " + target + ")", false, e);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw failure("store", bucket, key, target, e);
        }
        syncDirectory(dir);
    }

    @Override
    public InputStream open(String bucket, String key) {
        Path path = pathOf(bucket, key);
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(bucket, key, e);
        } catch (IOException e) {
            throw failure("open", bucket, key, path, e);
        }
    }

    /** The file of {@code bucket/key}; rejects names that could escape the bucket directory. */
    public Path pathOf(String bucket, String key) {
        requireSegment("bucket", bucket);
        requireSegment("key", key);
        return base.resolve(bucket).resolve(key);
    }

    private static void requireSegment(String what, String name) {
        String problem = null;
        if (name == null || name.isEmpty()) {
            problem = "is empty";
        } else if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            problem = "contains a path separator";
        } else if (name.contains("..")) {
            problem = "contains \"..\"";
        } else if (name.indexOf('\0') >= 0) {
            problem = "contains a NUL character";
        } else if (name.startsWith(".")) {
            problem = "starts with \".\" (reserved for temporary files)";
        }
        if (problem != null) {
            throw new BlobStoreException("invalid object " + what + " \"" + printable(name) + "\": " + problem, false,
                    null);
        }
    }

    private static String printable(String name) {
        return name == null ? "null" : name.replace("\0", "\\0");
    }

    /**
     * Links {@code content} in as {@code temp} instead of copying it (the callers never change a file after handing it
     * to {@link #put}; a spooled batch is already fsynced, so the link costs no copy and no data flush). False where
     * the two are on different file systems or the file system has no hard links; the caller then copies.
     */
    private static boolean linkDurably(Path content, Path temp) throws IOException {
        try {
            Files.createLink(temp, content);
        } catch (FileSystemException | UnsupportedOperationException e) {
            if (e instanceof NoSuchFileException missing) {
                throw missing;
            }
            return false;
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.READ)) {
            channel.force(true);
        }
        return true;
    }

    private static void writeDurably(Path content, Path temp) throws IOException {
        try (FileChannel in = FileChannel.open(content, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            long done = 0;
            TransferProgress progress = TransferProgress.start("write " + temp.getFileName(), size);
            while (done < size) {
                long n = out.transferFrom(in, done, size - done);
                if (n <= 0) {
                    throw new IOException("short copy from " + content + ": " + done + " of " + size + " bytes");
                }
                done += n;
                progress.advance(n);
            }
            out.force(true);
        }
    }

    /** Makes the rename durable where the platform allows fsync on a directory; best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not all file systems support it; the object itself is already durable and complete.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Leave it; temp names are hidden and never collide with keys.
        }
    }

    private static BlobStoreException failure(String op, String bucket, String key, Path path, IOException e) {
        boolean retriable = e instanceof InterruptedIOException;
        return new BlobStoreException("cannot " + op + " " + bucket + "/" + key + " at " + path + ": " + e,
                retriable, e);
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
