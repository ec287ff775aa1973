package dev.queuebench.cli;

import dev.queuebench.persistence.Databases.DatabaseUnavailableException;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine;

@Command(name = "queue-bench", mixinStandardHelpOptions = true,
        versionProvider = QueueBenchCli.Version.class,
        description = "Benchmarks PostgreSQL-backed JVM job schedulers: durations, throughput, latency, correctness.",
        subcommands = {RunCommand.class, CompareCommand.class, ListCommand.class, ShowCommand.class,
                BackendsCommand.class, ExportCommand.class, WebCommand.class})
public final class QueueBenchCli implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("qb.home", DatabaseOptions.home().toString());
        Thread.setDefaultUncaughtExceptionHandler(QueueBenchCli::uncaught);
        int exitCode;
        try {
            exitCode = commandLine().execute(args);
        } catch (Throwable e) {
            // picocli hands Exceptions to ExitCodes: what reaches here is an Error, such as OutOfMemoryError
            stopAfter(e);
            return;
        }
        System.exit(exitCode);
    }

    /**
     * A thread of ours or of a library died of something no one caught. An Error (out of memory, a stack overflow)
     * leaves the process in no state to measure anything: it stops at once, so that nothing is left running.
     */
    private static void uncaught(Thread thread, Throwable e) {
        if (e instanceof Error) {
            stopAfter(e);
        } else {
            LoggerFactory.getLogger(QueueBenchCli.class).error("thread {} died", thread.getName(), e);
        }
    }

    private static void stopAfter(Throwable e) {
        try {
            System.err.println("queue-bench: stopping after " + e + " (details in the log under "
                    + DatabaseOptions.home().resolve("logs") + ")");
            LoggerFactory.getLogger(QueueBenchCli.class).error("queue-bench stops after an error", e);
        } finally {
            // no shutdown hooks: they could need the very memory that ran out; other nodes end this node's runs
            Runtime.getRuntime().halt(ExitCode.SOFTWARE_ERROR);
        }
    }

    /** The command line with Queue Bench's exit codes: 2 for bad input, one line on stderr. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new QueueBenchCli());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ExitCodes());
        commandLine.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("queue-bench: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCode.BAD_INPUT;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static final class ExitCodes implements IExecutionExceptionHandler {

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof BadInputException || ex instanceof DatabaseUnavailableException) {
                err.println("queue-bench: " + ex.getMessage());
                err.flush();
                return ExitCode.BAD_INPUT;
            }
            LoggerFactory.getLogger(QueueBenchCli.class).error("queue-bench failed", ex);
            err.println("queue-bench: unexpected error: " + ex + " (details in the log under "
                    + DatabaseOptions.home().resolve("logs") + ")");
            err.flush();
            return ExitCode.SOFTWARE_ERROR;
        }
    }

    /** From the jar's manifest; {@code development} when run from classes. */
    static String version() {
        String version = QueueBenchCli.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"queue-bench " + version()};
        }
    }
}
