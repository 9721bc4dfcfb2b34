package io.provergateway.ops;

import io.provergateway.config.ApiMode;
import io.provergateway.config.GatewayConfig;
import io.provergateway.metrics.GatewayMetrics;
import io.provergateway.store.BlobNotFoundException;
import io.provergateway.store.BlobStore;
import io.provergateway.store.BlobStores;
import io.provergateway.store.ObjectKeys;
import io.provergateway.wire.CborJsonStreamer;
import io.provergateway.wire.MalformedPayloadException;
import io.provergateway.wire.WitnessJsonStreamer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspect witness <n>}: {@code witness_inputs/witness_inputs_{n}.bin} as the compact JSON serde_json writes for
 * {@code WitnessInputData} (the {@code witness_input_data} value the core served), then a newline. Streams: the blob
 * is read twice (first to find its layout, current or legacy, then to print) and never held in memory. In the
 * ProverCluster profile the blob is {@code witness_inputs/witness_inputs_{n}_{chain_id}.cbor} (ciborium CBOR), streamed
 * to the same JSON by {@link CborJsonStreamer} in one pass.
 */
@Command(name = "witness", mixinStandardHelpOptions = true,
        description = "Print witness_inputs/witness_inputs_{n}.bin as serde_json would (streaming).")
public final class InspectWitnessCommand extends OpsCommand {

    @Parameters(index = "0", paramLabel = "L1_BATCH_NUMBER")
    long l1BatchNumber;

    @Option(names = "--chain-id", paramLabel = "C", defaultValue = "0",
            description = "Chain id of the batch (ProverCluster profile only; default: ${DEFAULT-VALUE})")
    long chainId;

    public InspectWitnessCommand() {
        this(System.getenv(), System.out, System.err);
    }

    InspectWitnessCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        super(env, out, err);
    }

    @Override
    String name() {
        return "inspect witness";
    }

    @Override
    int run(GatewayConfig config) {
        BlobStore store = BlobStores.create(config.objectStore(), GatewayMetrics.NOOP);
        if (config.apiMode() == ApiMode.ProverCluster) {
            return proverCluster(store);
        }
        if (chainId != 0) {
            return fail("--chain-id applies to the ProverCluster profile only");
        }
        String key = ObjectKeys.witnessInputs(l1BatchNumber);
        try {
            boolean legacy = layoutOf(store, key);
            OutputStream json = new BufferedOutputStream(out, 1 << 16);
            transcode(store, key, json, legacy);
            json.write('\n');
            json.flush();
            return 0;
        } catch (BlobNotFoundException e) {
            return fail(ObjectKeys.WITNESS_INPUTS + "/" + key + " not found in the object store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The profile's CBOR blob, streamed to JSON in one pass. */
    private int proverCluster(BlobStore store) {
        String key = "witness_inputs_" + l1BatchNumber + "_" + chainId + ".cbor";
        String path = ObjectKeys.WITNESS_INPUTS + "/" + key;
        try (InputStream in = store.open(ObjectKeys.WITNESS_INPUTS, key)) {
            OutputStream json = new BufferedOutputStream(out, 1 << 16);
            CborJsonStreamer.writeJson(new BufferedInputStream(in, 1 << 16), json);
            json.write('\n');
            json.flush();
            return 0;
        } catch (MalformedPayloadException | EOFException e) {
            return fail(path + " is not a CBOR WitnessInputData: " + e.getMessage());
        } catch (BlobNotFoundException e) {
            return fail(path + " not found in the object store");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private int fail(String message) {
        err.println("prover-gateway inspect witness: " + message);
        return FAILED;
    }

    /** False for the current layout, true for the legacy one; throws the current layout's error if neither fits. */
    private static boolean layoutOf(BlobStore store, String key) {
        try {
            transcode(store, key, OutputStream.nullOutputStream(), false);
            return false;
        } catch (MalformedPayloadException current) {
            try {
                transcode(store, key, OutputStream.nullOutputStream(), true);
                return true;
            } catch (MalformedPayloadException legacy) {
                current.addSuppressed(legacy);
                throw new MalformedPayloadException(current.location(), ObjectKeys.WITNESS_INPUTS + "/" + key
                        + " is not a WitnessInputData: " + current.problem(), current);
            }
        }
    }

    private static void transcode(BlobStore store, String key, OutputStream json, boolean legacy) {
        try (InputStream in = store.open(ObjectKeys.WITNESS_INPUTS, key)) {
            WitnessJsonStreamer.writeJson(in, json, legacy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ObjectKeys.WITNESS_INPUTS + "/" + key, e);
        }
    }
}
