package dev.portolan.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code portolan admin ...}: local administration, on the database itself (no server needed). */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Local administration on the database (no server needed).",
        subcommands = {AdminResetCommand.class})
public final class AdminCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
