package io.provergateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.provergateway.devnet.CommitmentMode;
import io.provergateway.devnet.CoreSimulator;
import io.provergateway.devnet.WitnessDataGenerator;
import io.provergateway.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers upstream's gateway accepts are stored on a running gateway exactly as upstream stores them (issue 8 item
 * 7), and the suspicious ones are counted: nothing is left picked on the core for its 5 h timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LenientCoreRepliesTest {
    private static final String SUSPICIOUS = "prover_gateway_payloads_suspicious_total";

    private final WitnessDataGenerator generator = new WitnessDataGenerator(71, CommitmentMode.VALIDIUM);
    private final HostileReplies replies = new HostileReplies(generator, 1 << 20);
    private ScriptedProofDataCore core;
    private GatewayHarness harness;

    @BeforeAll
    void startGateway(@TempDir Path dir) throws IOException {
        core = new ScriptedProofDataCore();
        harness = GatewayHarness.create(TestPostgres.freshDatabase(), dir, CoreSimulator.Settings.defaults());
        harness.startGateway(config -> config.baseUrl(core.baseUrl()));
    }

    @AfterAll
    void stopGateway() {
        harness.close();
        core.close();
    }

    @Test
    void batchNumberDisagreeingWithTheWitness_isStoredUnderTheOuterNumber_warnedAndCounted() {
        String body = new String(replies.valid(300), StandardCharsets.ISO_8859_1)
                .replaceFirst("\"l1_batch_number\":300,", "\"l1_batch_number\":1300,");
        core.enqueue(exchange -> ScriptedProofDataCore.reply(exchange, 200, HostileReplies.JSON,
                body.getBytes(StandardCharsets.ISO_8859_1)));

        await().atMost(Duration.ofSeconds(60)).until(() -> harness.rows().witnessBlobUrls().containsKey(1300L));
        assertThat(harness.rows().witnessBlobUrls()).containsEntry(1300L, "witness_inputs_1300.bin")
                .doesNotContainKey(300L);
        assertThat(harness.storedWitness(1300)).isEqualTo(generator.generate(300).witnessInputData());
        assertThat(harness.metrics().sum(SUSPICIOUS, "reason=\"batch_number_mismatch\"")).isEqualTo(1.0);
    }

    @Test
    void aReplyWithoutAJsonContentType_isReadAsJson_asReqwestDoesNotCheckIt() {
        byte[] body = replies.valid(400);
        core.enqueue(exchange -> ScriptedProofDataCore.reply(exchange, 200, "text/plain; charset=utf-8", body));

        await().atMost(Duration.ofSeconds(60)).until(() -> harness.rows().witnessBlobUrls().containsKey(400L));
        assertThat(harness.storedWitness(400)).isEqualTo(generator.generate(400).witnessInputData());
    }
}
