package dev.queuebench.cli;

import dev.queuebench.domain.RunNotFoundException;
import dev.queuebench.persistence.Databases.DatabaseUnavailableException;
import dev.queuebench.ports.in.ActiveRunException;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;

@Command(name = "queue-bench", mixinStandardHelpOptions = true,
        versionProvider = QueueBenchCli.Version.class,
        description = "Benchmarks PostgreSQL-backed JVM job schedulers: durations, throughput, latency, correctness.",
        subcommands = {RunCommand.class, CompareCommand.class, ListCommand.class, ShowCommand.class,
                BackendsCommand.class, ExportCommand.class, WebCommand.class})
public final class QueueBenchCli implements Runnable {

    /** Unexpected failures: a bug or an environment problem, not bad input. */
    static final int SOFTWARE_ERROR = 70;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("qb.home", DatabaseOptions.home().toString());
        int exitCode = commandLine().execute(args);
        System.exit(exitCode);
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
            if (ex instanceof IllegalArgumentException || ex instanceof DatabaseUnavailableException
                    || ex instanceof RunNotFoundException || ex instanceof ActiveRunException) {
                err.println("queue-bench: " + ex.getMessage());
                err.flush();
                return ExitCode.BAD_INPUT;
            }
            LoggerFactory.getLogger(QueueBenchCli.class).error("queue-bench failed", ex);
            err.println("queue-bench: unexpected error: " + ex + " (details in the log under "
                    + DatabaseOptions.home().resolve("logs") + ")");
            err.flush();
            return SOFTWARE_ERROR;
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
