package io.provergateway.fetcher;

import io.provergateway.config.ConfigException;
import io.provergateway.wire.Bytes32;
import io.provergateway.wire.ProtocolVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable spool: a payload received from the core is written under {@code incoming/}, then fsynced and renamed
 * to {@code batch_{n}_{0_minor_patch}_{vkhash}.bin}; that rename is the commit point. Committed files stay until
 * their blob and rows are stored, so a crash or an outage never loses a batch the core handed out.
 *
 * <p>Several instances may share one configured spool path (upstream runs N copies with the same env): each takes
 * the first free {@link SpoolSlot} (the path itself, then {@code slot-1}, {@code slot-2}, …, each locked to one
 * process). A slot whose owner died is finished by whichever instance takes it next: a new instance that gets it,
 * or a running one, which looks for free slots with committed batches every {@link #ADOPT_INTERVAL} when its own
 * slot is empty and moves them into its own (a rename, under the other slot's lock). A spool from the previous
 * version (one locked directory) is slot 0, so nothing is orphaned by an upgrade.
 */
public final class WitnessSpool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WitnessSpool.class);
    private static final Pattern COMMITTED =
            Pattern.compile("batch_(\\d{1,19})_0_(\\d{1,10})_(\\d{1,10})_([0-9a-f]{64})\\.bin");
    static final Duration ADOPT_INTERVAL = Duration.ofSeconds(5);

    private final Path spoolPath;
    private final SpoolSlot slot;
    private final Path root;
    private final Path incoming;
    private final LongSupplier nanoTime;
    private long nextAdoptScan;

    private WitnessSpool(Path spoolPath, SpoolSlot slot, LongSupplier nanoTime) {
        this.spoolPath = spoolPath;
        this.slot = slot;
        this.root = slot.dir();
        this.incoming = root.resolve("incoming");
        this.nanoTime = nanoTime;
        this.nextAdoptScan = nanoTime.getAsLong();
    }

    /** Takes the first free slot under {@code spoolPath} (creating it) and clears half-received payloads in it. */
    public static WitnessSpool open(Path spoolPath) {
        return open(spoolPath, System::nanoTime);
    }

    static WitnessSpool open(Path spoolPath, LongSupplier nanoTime) {
        try {
            SpoolSlot slot = SpoolSlot.takeFirstFree(spoolPath).orElseThrow(() -> new ConfigException("all "
                    + SpoolSlot.MAX_SLOTS + " spool slots under " + spoolPath.toAbsolutePath()
                    + " (FRI_PROVER_GATEWAY_SPOOL_PATH) are in use by other gateways"));
            WitnessSpool spool = new WitnessSpool(spoolPath, slot, nanoTime);
            clearIncoming(spool.incoming);
            LOG.info("spool slot taken path={}", slot.dir().toAbsolutePath());
            return spool;
        } catch (IOException e) {
            throw new ConfigException("spool directory " + spoolPath.toAbsolutePath()
                    + " (FRI_PROVER_GATEWAY_SPOOL_PATH) is not usable: " + e, e);
        }
    }

    /** The directory of this instance's slot. */
    public Path slotDir() {
        return root;
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

    /**
     * Committed batches not yet stored, lowest batch first; when there are none, those of slots left by dead
     * instances (at most every {@link #ADOPT_INTERVAL}).
     */
    public List<SpooledBatch> pending() {
        List<SpooledBatch> batches = committedIn(root);
        if (batches.isEmpty() && nanoTime.getAsLong() - nextAdoptScan >= 0) {
            nextAdoptScan = nanoTime.getAsLong() + ADOPT_INTERVAL.toNanos();
            if (adoptOrphans() > 0) {
                batches = committedIn(root);
            }
        }
        return batches;
    }

    private static List<SpooledBatch> committedIn(Path dir) {
        List<SpooledBatch> batches = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                Matcher m = COMMITTED.matcher(file.getFileName().toString());
                if (m.matches()) {
                    batches.add(new SpooledBatch(Long.parseLong(m.group(1)),
                            new ProtocolVersion(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                            Bytes32.fromHex("0x" + m.group(4)), file));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list spool " + dir, e);
        }
        batches.sort(Comparator.comparingLong(SpooledBatch::l1BatchNumber));
        return batches;
    }

    /** Moves the committed batches of every free slot into this one; returns how many were moved. */
    private int adoptOrphans() {
        int moved = 0;
        try {
            for (Path other : SpoolSlot.otherSlots(spoolPath, root)) {
                Optional<SpoolSlot> orphan = SpoolSlot.tryTake(other);
                if (orphan.isPresent()) {
                    try (SpoolSlot taken = orphan.get()) {
                        moved += adopt(taken.dir());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for spool slots left under " + spoolPath, e);
        }
        return moved;
    }

    private int adopt(Path orphan) throws IOException {
        List<SpooledBatch> batches = committedIn(orphan);
        for (SpooledBatch batch : batches) {
            Files.move(batch.file(), root.resolve(batch.file().getFileName()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(orphan.resolve("incoming"))) {
            clearIncoming(orphan.resolve("incoming"));
        }
        if (!batches.isEmpty()) {
            syncDirectory(root);
            syncDirectory(orphan);
            LOG.warn("spool slot left by a stopped gateway adopted from={} batches={} into={}",
                    orphan.toAbsolutePath(), batches.stream().map(SpooledBatch::l1BatchNumber).toList(),
                    root.toAbsolutePath());
        }
        return batches.size();
    }

    /** Drops a batch once its blob and rows are committed. */
    public void remove(SpooledBatch batch) {
        deleteQuietly(batch.file());
    }

    /** Drops a file under {@code incoming/} (a rejected or broken payload). */
    public void discard(Path received) {
        deleteQuietly(received);
    }

    private static void clearIncoming(Path incoming) throws IOException {
        Files.createDirectories(incoming);
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
        slot.close();
    }
}
