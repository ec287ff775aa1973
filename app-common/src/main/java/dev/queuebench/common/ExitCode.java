package dev.queuebench.common;

/** What scripts can rely on. */
public final class ExitCode {

    /** The command did what was asked; a run finished with every job. */
    public static final int OK = 0;
    /** A run stalled or lost jobs. */
    public static final int RUN_FAILED = 1;
    /**
     * Bad usage or input: unknown backend, values out of range, unparsable values, a run that does not exist, an
     * unreachable database.
     */
    public static final int BAD_INPUT = 2;
    /** A comparison against a baseline found a regression. */
    public static final int REGRESSION = 3;
    /**
     * Something unexpected: a bug, an environment problem, the JVM out of memory. Details, with the stack trace, in
     * the log. (A JVM that runs out of memory where no code of ours sees it is stopped with {@code kill -9} by the
     * launcher's {@code -XX:OnOutOfMemoryError}: exit code 137.)
     */
    public static final int SOFTWARE_ERROR = 70;

    /** For help texts, built from the codes above. */
    public static final String SUMMARY = "Exit codes: " + OK + " every run finished with every job, " + RUN_FAILED
            + " a run stalled, was interrupted or lost jobs, " + BAD_INPUT + " bad input, " + REGRESSION
            + " a regression against --baseline, " + SOFTWARE_ERROR + " an unexpected error.";

    private ExitCode() {
    }
}
