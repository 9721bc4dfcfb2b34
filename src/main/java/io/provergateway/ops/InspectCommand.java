package io.provergateway.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inspect witness <n>} and {@code inspect proof <n>}. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a stored witness input or the proof submission of a batch as JSON.",
        subcommands = {InspectWitnessCommand.class, InspectProofCommand.class})
public final class InspectCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: witness or proof");
    }
}
