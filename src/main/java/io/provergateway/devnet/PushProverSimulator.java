package io.provergateway.devnet;

import io.provergateway.devnet.PushProverJobs.Job;
import io.provergateway.store.BlobStore;
import io.provergateway.store.ObjectKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prover side of the ProverCluster devnet: takes queued chain-id witness jobs as upstream's witness generator
 * does, checks that {@code witness_inputs_{n}_{chain}.cbor} decodes and names the batch, and after a delay writes
 * the compressor's {@code l1_batch_proof_{n}_{chain}_{0_minor_patch}.cbor} (PLONK for odd batches, FFLONK for even
 * ones) and a {@code successful} compression job.
 */
public final class PushProverSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PushProverSimulator.class);
    /** {@code map(4) "vm_run_data" map(9|10) "l1_batch_number"}: the head of every ciborium witness blob (§4.3). */
    private static final byte[] HEAD_A = {(byte) 0xa4, 0x6b, 'v', 'm', '_', 'r', 'u', 'n', '_', 'd', 'a', 't', 'a'};
    private static final byte[] HEAD_B = {0x6f, 'l', '1', '_', 'b', 'a', 't', 'c', 'h', '_', 'n', 'u', 'm', 'b', 'e',
        'r'};
    private static final Duration POLL = Duration.ofMillis(100);

    private final PushProverJobs jobs;
    private final BlobStore store;
    private final PushProofs proofs;
    private final Duration delay;
    private final BatchEvents events;
    private final SimulatorLoop loop = new SimulatorLoop("push-prover-sim", log);

    public PushProverSimulator(DataSource proverDb, BlobStore store, long seed, Duration delay, BatchEvents events) {
        this.jobs = new PushProverJobs(proverDb);
        this.store = store;
        this.proofs = new PushProofs(seed);
        this.delay = delay;
        this.events = events;
    }

    public synchronized PushProverSimulator start() {
        loop.start(this::runOnce, POLL);
        return this;
    }

    /** Takes and finishes one witness job; false if none was queued. */
    public boolean runOnce() {
        Optional<Job> claimed = jobs.claimNext();
        if (claimed.isEmpty()) {
            return false;
        }
        Job job = claimed.get();
        Optional<String> problem = checkWitness(job);
        if (problem.isPresent()) {
            jobs.markFailed(job, problem.get());
            events.failed(job.l1BatchNumber(), problem.get());
            return true;
        }
        if (loop.pauseUnlessStopped(delay)) {
            return true;
        }
        String key = "l1_batch_proof_" + job.l1BatchNumber() + "_" + job.chainId() + "_"
                + job.protocolVersion().keySuffix() + ".cbor";
        long bytes = storeProof(key, proofs.cbor(job.l1BatchNumber(), job.protocolVersion()));
        jobs.complete(job, key);
        log.info("push-prover-sim proved batch={} chain_id={} kind={} key={}", job.l1BatchNumber(), job.chainId(),
                PushProofs.isFflonk(job.l1BatchNumber()) ? "fflonk" : "plonk", key);
        events.proven(job.l1BatchNumber(), false, bytes);
        return true;
    }

    private Optional<String> checkWitness(Job job) {
        String key = "witness_inputs_" + job.l1BatchNumber() + "_" + job.chainId() + ".cbor";
        try (InputStream in = store.open(ObjectKeys.WITNESS_INPUTS, key)) {
            byte[] head = in.readNBytes(HEAD_A.length + 1 + HEAD_B.length + 9);
            long inBlob = batchNumberIn(head);
            return inBlob == job.l1BatchNumber() ? Optional.empty()
                    : Optional.of("witness blob " + key + " does not start with vm_run_data.l1_batch_number "
                            + job.l1BatchNumber() + " (found " + inBlob + ")");
        } catch (IOException | RuntimeException e) {
            return Optional.of("witness blob " + key + " unusable: " + e);
        }
    }

    /** The uint after the fixed head, or -1 when the head is not ciborium's {@code WitnessInputData}. */
    static long batchNumberIn(byte[] head) {
        int at = HEAD_A.length + 1 + HEAD_B.length;
        if (head.length <= at || !java.util.Arrays.equals(head, 0, HEAD_A.length, HEAD_A, 0, HEAD_A.length)
                || (head[HEAD_A.length] & 0xFF) < 0xa9 || (head[HEAD_A.length] & 0xFF) > 0xaa
                || !java.util.Arrays.equals(head, HEAD_A.length + 1, at, HEAD_B, 0, HEAD_B.length)) {
            return -1;
        }
        int initial = head[at] & 0xFF;
        if (initial < 0x18) {
            return initial;
        }
        int bytes = initial == 0x18 ? 1 : initial == 0x19 ? 2 : initial == 0x1a ? 4 : initial == 0x1b ? 8 : -1;
        if (bytes < 0 || head.length < at + 1 + bytes) {
            return -1;
        }
        long value = 0;
        for (int i = 1; i <= bytes; i++) {
            value = (value << 8) | (head[at + i] & 0xFF);
        }
        return value;
    }

    private long storeProof(String key, byte[] cbor) {
        try {
            Path file = Files.createTempFile("push-prover-sim-", ".cbor");
            try {
                Files.write(file, cbor);
                store.put(ObjectKeys.PROOFS_FRI, key, file);
                return cbor.length;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("prover-sim cannot write proof " + key, e);
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
