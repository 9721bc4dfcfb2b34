package io.provergateway.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineOptionsTest {

    @Test
    void coreSimTakesItsOptions_andDefaultsToRollup() {
        CoreSimCommand command = new CoreSimCommand();
        new CommandLine(command).parseArgs("--port", "4000", "--batches", "3", "--proof-generation-timeout", "60",
                "--seed", "9", "--reject-with", "DROP_CONNECTION");
        assertThat(command.port).isEqualTo(4000);
        assertThat(command.batches).isEqualTo(3);
        assertThat(command.proofGenerationTimeoutSecs).isEqualTo(60);
        assertThat(command.seed).isEqualTo(9);
        assertThat(command.rejectWith).isEqualTo(SubmitRejection.DROP_CONNECTION);
        assertThat(CommitmentModeOption.of(command.mode)).isEqualTo(CommitmentMode.ROLLUP);
    }

    @Test
    void devnetTakesValidium_butNotTogetherWithRollup() {
        DevnetCommand command = new DevnetCommand();
        new CommandLine(command).parseArgs("--validium", "--batches", "4", "--keep-running");
        assertThat(CommitmentModeOption.of(command.mode)).isEqualTo(CommitmentMode.VALIDIUM);
        assertThat(command.batches).isEqualTo(4);
        assertThat(command.keepRunning).isTrue();
        assertThatThrownBy(() -> new CommandLine(new DevnetCommand()).parseArgs("--rollup", "--validium"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("mutually exclusive");
    }

    @Test
    void proverSimNamesTheMissingUpstreamVariable() {
        assertThatThrownBy(() -> new ProverSimCommand(java.util.Map.of()).call())
                .isInstanceOf(io.provergateway.config.ConfigException.class)
                .hasMessageContaining("DATABASE_PROVER_URL");
        assertThatThrownBy(() -> new ProverSimCommand(java.util.Map.of("DATABASE_URL", "postgres://u@h/db")).call())
                .isInstanceOf(io.provergateway.config.ConfigException.class)
                .hasMessageContaining(ProverSimCommand.STORE_ENV);
    }

    @Test
    void devnetRefusesZeroBatches() throws Exception {
        DevnetCommand command = new DevnetCommand();
        new CommandLine(command).parseArgs("--batches", "0");
        assertThat(command.call()).isEqualTo(2);
    }

    @Test
    void pushDevnetRefusesThePullOnlyOptions_insteadOfIgnoringThem() throws Exception {
        for (String[] args : new String[][] {{"--data-dir", "/tmp/x"}, {"--keep-running"}, {"--skip-share", "0.5"},
                {"--prover-seed", "3"}}) {
            DevnetCommand command = new DevnetCommand();
            new CommandLine(command).parseArgs(concat(args, "--api-mode", "prover-cluster"));
            assertThat(command.call()).as(String.join(" ", args)).isEqualTo(2);
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
