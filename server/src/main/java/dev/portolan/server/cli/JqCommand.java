package dev.portolan.server.cli;

import dev.portolan.jq.cli.JqCommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code portolan jq}: Portolan's jq engine on the command line, with jq's own options and exit
 * codes. {@link Main} hands its arguments over untouched; this class is what {@code --help} lists.
 */
@Command(name = "jq", description = "Run a jq program with Portolan's jq engine: portolan jq [-c] [-n] [-r] [--arg k v] '<program>' [file...]."
        + " Also: --run-tests FILE, and --single-quotes for the mapping syntax ('text' literals, as Port allows).")
public final class JqCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", description = "jq's options, program and files")
    List<String> arguments = List.of();

    @Override
    public Integer call() {
        return run(arguments.toArray(String[]::new));
    }

    static int run(String[] args) {
        return JqCommandLine.run(args, System.in, System.out, System.err);
    }
}
