package dev.portolan.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code portolan} command line. */
@Command(name = "portolan", mixinStandardHelpOptions = true, version = "Portolan 0.1.0",
        description = "A self-hosted software catalog with a Port-compatible API.",
        subcommands = {ServeCommand.class, SyncCommand.class, MappingCommand.class, JqCommand.class, AdminCommand.class,
                IntegrationCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args) {
        // jq's options are jq's own (-c, -n, --arg k v, ...), interleaved with its program and
        // files: hand them to the jq command line untouched rather than through picocli.
        if (args.length > 0 && args[0].equals("jq")) {
            if (args.length == 2 && (args[1].equals("--help") || args[1].equals("-h"))) {
                new CommandLine(new JqCommand()).usage(System.out);
                return 0;
            }
            return JqCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
