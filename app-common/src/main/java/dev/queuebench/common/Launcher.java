package dev.queuebench.common;

import dev.queuebench.persistence.postgres.Databases.DatabaseUnavailableException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine;

/**
 * How a Queue Bench command line runs, whichever commands it holds: its exit codes ({@link ExitCode}), one line on
 * stderr for bad input, and a process that stops at once after an {@link Error}.
 */
public final class Launcher {

    /** The class whose {@code main} runs this program, once it registered (see {@link #configure(CommandLine, Class)}). */
    private static volatile String programClass;

    private Launcher() {
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param commandLine built after the process is set up (logging, {@code qb.home}), hence a supplier
     */
    public static void main(Supplier<CommandLine> commandLine, String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("qb.home", DatabaseOptions.home().toString());
        Thread.setDefaultUncaughtExceptionHandler(Launcher::uncaught);
        int exitCode;
        try {
            exitCode = commandLine.get().execute(args);
        } catch (Throwable e) {
            // picocli hands Exceptions to ExitCodes: what reaches here is an Error, such as OutOfMemoryError
            stopAfter(e);
            return;
        }
        System.exit(exitCode);
    }

    /**
     * Gives the command line, and every subcommand it holds now, Queue Bench's exit codes: {@link ExitCode#BAD_INPUT}
     * with one line on stderr for what the user can fix, {@link ExitCode#SOFTWARE_ERROR} with the stack trace in the
     * log for anything else. Call it once all subcommands are added.
     */
    public static CommandLine configure(CommandLine commandLine) {
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

    /**
     * As {@link #configure(CommandLine)}, for the program whose {@code main} is in {@code program}: it can then start
     * more of itself ({@link #relaunchCommand()}), as {@code --nodes} does.
     */
    public static CommandLine configure(CommandLine commandLine, Class<?> program) {
        programClass = program.getName();
        return configure(commandLine);
    }

    /**
     * The command that starts this program again in a new JVM: this JVM's {@code java}, its heap, GC and
     * out-of-memory options (no agents, no debugger), its class path and the program's main class. Empty when no
     * program registered its main class.
     */
    public static Optional<List<String>> relaunchCommand() {
        String program = programClass;
        if (program == null) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-Xm") || option.startsWith("-XX:") || option.startsWith("-Xss")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), program));
        return Optional.of(command);
    }

    /** From the jar's manifest; {@code development} when run from classes. */
    public static String version() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** For {@code --version}. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"queue-bench " + version()};
        }
    }

    /**
     * A thread of ours or of a library died of something no one caught. An Error (out of memory, a stack overflow)
     * leaves the process in no state to measure anything: it stops at once, so that nothing is left running.
     */
    private static void uncaught(Thread thread, Throwable e) {
        if (e instanceof Error) {
            stopAfter(e);
        } else {
            LoggerFactory.getLogger(Launcher.class).error("thread {} died", thread.getName(), e);
        }
    }

    private static void stopAfter(Throwable e) {
        try {
            System.err.println("queue-bench: stopping after " + e + " (details in the log under "
                    + DatabaseOptions.home().resolve("logs") + ")");
            LoggerFactory.getLogger(Launcher.class).error("queue-bench stops after an error", e);
        } finally {
            // no shutdown hooks: they could need the very memory that ran out; other nodes end this node's runs
            Runtime.getRuntime().halt(ExitCode.SOFTWARE_ERROR);
        }
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
            LoggerFactory.getLogger(Launcher.class).error("queue-bench failed", ex);
            err.println("queue-bench: unexpected error: " + ex + " (details in the log under "
                    + DatabaseOptions.home().resolve("logs") + ")");
            err.flush();
            return ExitCode.SOFTWARE_ERROR;
        }
    }
}
