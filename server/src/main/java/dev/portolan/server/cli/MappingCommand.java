package dev.portolan.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code portolan mapping ...}: work with integration mappings. */
@Command(name = "mapping", mixinStandardHelpOptions = true, description = "Work with integration mappings.",
        subcommands = {MappingTestCommand.class, CommandLine.HelpCommand.class})
public final class MappingCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
