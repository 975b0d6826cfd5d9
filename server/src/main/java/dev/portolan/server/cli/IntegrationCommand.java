package dev.portolan.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code portolan integration ...}: integrations outside the server. */
@Command(name = "integration", mixinStandardHelpOptions = true,
        description = "Integrations that run as their own process.",
        subcommands = {IntegrationRunCommand.class})
public final class IntegrationCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
