package dev.queuebench.examples.addedbackend;

import dev.queuebench.cli.QueueBenchCli;
import dev.queuebench.common.Launcher;

/** The CLI's commands, started as the distribution starts them, over this test classpath's backends. */
public final class QueueBenchCommandLine {

    private QueueBenchCommandLine() {
    }

    public static void main(String[] args) {
        Launcher.main(() -> Launcher.configure(QueueBenchCli.commandLine(), QueueBenchCommandLine.class), args);
    }
}
