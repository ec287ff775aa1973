package dev.queuebench.cli;

import dev.queuebench.common.Launcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code queue-bench} command and its benchmark commands. The distribution adds the web runner's {@code web}
 * beside them; this module does not know it.
 */
@Command(name = "queue-bench", mixinStandardHelpOptions = true,
        versionProvider = Launcher.Version.class,
        description = "Benchmarks PostgreSQL-backed JVM job schedulers: durations, throughput, latency, correctness.",
        subcommands = {RunCommand.class, CompareCommand.class, SweepCommand.class, WorkerCommand.class,
                ListCommand.class, ShowCommand.class, ReportCommand.class, BackendsCommand.class, ExportCommand.class})
public final class QueueBenchCli implements Runnable {

    @Spec
    CommandSpec spec;

    /** The command line with Queue Bench's exit codes (see {@link Launcher#configure}). */
    public static CommandLine commandLine() {
        return Launcher.configure(new CommandLine(new QueueBenchCli()));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
