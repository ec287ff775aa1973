package dev.queuebench.dist;

import dev.queuebench.common.Launcher;
import dev.queuebench.cli.QueueBenchCli;
import dev.queuebench.web.WebCommand;
import picocli.CommandLine;

/**
 * The {@code queue-bench} program as shipped: the CLI's commands and the web runner's {@code web}, with every backend
 * of this module's dependencies on the classpath.
 */
public final class QueueBenchMain {

    private QueueBenchMain() {
    }

    public static void main(String[] args) {
        Launcher.main(QueueBenchMain::commandLine, args);
    }

    /** Every command, with Queue Bench's exit codes. */
    public static CommandLine commandLine() {
        return Launcher.configure(QueueBenchCli.commandLine().addSubcommand(new WebCommand()), QueueBenchMain.class);
    }
}
