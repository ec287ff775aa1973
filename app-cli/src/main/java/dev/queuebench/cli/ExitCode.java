package dev.queuebench.cli;

/** What scripts can rely on. */
final class ExitCode {

    /** The command did what was asked; a run finished with every job. */
    static final int OK = 0;
    /** A run stalled or lost jobs. */
    static final int RUN_FAILED = 1;
    /** Bad usage or input: unknown backend, values out of range, unparsable values, unreachable database. */
    static final int BAD_INPUT = 2;
    /** A comparison against a baseline found a regression. */
    static final int REGRESSION = 3;

    private ExitCode() {
    }
}
