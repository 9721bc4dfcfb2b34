package io.provergateway.fetcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One spool slot: a directory owned by one process at a time through an OS file lock on its {@code .lock} file.
 * Slot 0 is the configured spool path itself (so a single instance, and a spool left by the previous version, use
 * exactly the directory they always did); slot k ≥ 1 is {@code {spool path}/slot-k}.
 *
 * <p>On Linux an OS lock belongs to the process, and closing <em>any</em> channel on the locked file drops it. The
 * slots held by this JVM are therefore also recorded here, and a lock file held in this JVM (a second gateway in the
 * same process, as in tests) is never opened again.
 */
final class SpoolSlot implements AutoCloseable {
    static final int MAX_SLOTS = 64;
    private static final String PREFIX = "slot-";
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private SpoolSlot(Path dir, Path lockFile, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    Path dir() {
        return dir;
    }

    /** Slot {@code index} of the spool at {@code root}. */
    static Path slotDir(Path root, int index) {
        return index == 0 ? root : root.resolve(PREFIX + index);
    }

    /** The first slot under {@code root} no other gateway holds (created if needed); empty if all are held. */
    static Optional<SpoolSlot> takeFirstFree(Path root) throws IOException {
        for (int index = 0; index < MAX_SLOTS; index++) {
            Path dir = slotDir(root, index);
            Files.createDirectories(dir);
            Optional<SpoolSlot> slot = tryTake(dir);
            if (slot.isPresent()) {
                return slot;
            }
        }
        return Optional.empty();
    }

    /** Every existing slot directory under {@code root} other than {@code own}. */
    static List<Path> otherSlots(Path root, Path own) throws IOException {
        List<Path> dirs = new ArrayList<>();
        if (!root.equals(own)) {
            dirs.add(root);
        }
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(p -> p.getFileName().toString().matches(PREFIX + "[1-9][0-9]*"))
                    .filter(Files::isDirectory).filter(p -> !p.equals(own)).sorted().forEach(dirs::add);
        }
        return dirs;
    }

    /** Takes the slot at {@code dir} if nobody holds it. */
    static Optional<SpoolSlot> tryTake(Path dir) throws IOException {
        Path lockFile = dir.resolve(".lock").toAbsolutePath().normalize();
        if (!HELD_IN_THIS_JVM.add(lockFile)) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock != null) {
                return Optional.of(new SpoolSlot(dir, lockFile, channel, lock));
            }
            channel.close();
            HELD_IN_THIS_JVM.remove(lockFile);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD_IN_THIS_JVM.remove(lockFile);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            HELD_IN_THIS_JVM.remove(lockFile);
        }
    }
}
