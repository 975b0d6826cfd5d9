package dev.portolan.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code portolan} command line. */
@Command(name = "portolan", mixinStandardHelpOptions = true, version = "Portolan 0.1.0",
        description = "A self-hosted software catalog with a Port-compatible API.",
        subcommands = {ServeCommand.class, SyncCommand.class, MappingCommand.class, JqCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
