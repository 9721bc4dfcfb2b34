package io.provergateway.fetcher;

import io.provergateway.config.ConfigException;
import io.provergateway.wire.Bytes32;
import io.provergateway.wire.ProtocolVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The durable spool: a payload received from the core is written under {@code incoming/}, then fsynced and renamed
 * to {@code batch_{n}_{0_minor_patch}_{vkhash}.bin}; that rename is the commit point. Committed files stay until
 * their blob and rows are stored, so a crash or an outage never loses a batch the core handed out. One process owns a
 * spool directory at a time (file lock).
 */
public final class WitnessSpool implements AutoCloseable {
    private static final Pattern COMMITTED =
            Pattern.compile("batch_(\\d{1,19})_0_(\\d{1,10})_(\\d{1,10})_([0-9a-f]{64})\\.bin");

    private final Path root;
    private final Path incoming;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private WitnessSpool(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.incoming = root.resolve("incoming");
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating) the spool, takes its lock and clears half-received payloads left by a crash. */
    public static WitnessSpool open(Path root) {
        try {
            Files.createDirectories(root.resolve("incoming"));
            FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new ConfigException("spool directory " + root.toAbsolutePath() + " is in use by another gateway;"
                        + " give each instance its own FRI_PROVER_GATEWAY_SPOOL_PATH");
            }
            WitnessSpool spool = new WitnessSpool(root, channel, lock);
            spool.clearIncoming();
            return spool;
        } catch (IOException e) {
            throw new ConfigException("spool directory " + root.toAbsolutePath()
                    + " (FRI_PROVER_GATEWAY_SPOOL_PATH) is not usable: " + e, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** A fresh file to receive one payload into; nothing else uses it. */
    public Path newIncomingFile() {
        return incoming.resolve("payload-" + UUID.randomUUID() + ".part");
    }

    /** Makes {@code received} durable and visible as a pending batch. */
    public SpooledBatch commit(Path received, long l1BatchNumber, ProtocolVersion version, Bytes32 vkHash) {
        Path target = root.resolve("batch_" + l1BatchNumber + "_" + version.keySuffix() + "_"
                + vkHash.toHex().substring(2) + ".bin");
        try {
            try (FileChannel channel = FileChannel.open(received, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(received, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(root);
            return new SpooledBatch(l1BatchNumber, version, vkHash, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit batch " + l1BatchNumber + " to spool " + root, e);
        }
    }

    /** Committed batches not yet stored, lowest batch first. */
    public List<SpooledBatch> pending() {
        List<SpooledBatch> batches = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            files.forEach(file -> {
                Matcher m = COMMITTED.matcher(file.getFileName().toString());
                if (m.matches()) {
                    batches.add(new SpooledBatch(Long.parseLong(m.group(1)),
                            new ProtocolVersion(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                            Bytes32.fromHex("0x" + m.group(4)), file));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list spool " + root, e);
        }
        batches.sort(Comparator.comparingLong(SpooledBatch::l1BatchNumber));
        return batches;
    }

    /** Drops a batch once its blob and rows are committed. */
    public void remove(SpooledBatch batch) {
        deleteQuietly(batch.file());
    }

    /** Drops a file under {@code incoming/} (a rejected or broken payload). */
    public void discard(Path received) {
        deleteQuietly(received);
    }

    private void clearIncoming() throws IOException {
        try (Stream<Path> files = Files.list(incoming)) {
            files.forEach(WitnessSpool::deleteQuietly);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete spool file " + file, e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Not every file system lets a directory be opened for sync; the rename itself is still atomic.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
