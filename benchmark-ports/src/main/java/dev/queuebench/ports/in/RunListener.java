package dev.queuebench.ports.in;

import dev.queuebench.domain.RunId;

/** Hears about a run that the core drives to its end ({@code runToEnd}, {@code runTrials}). */
public interface RunListener {

    /** Hears nothing: for runs driven in the background. */
    RunListener SILENT = report -> { };

    /** The run's latest report, about twice a second until it ends, and once more at the end. */
    void progress(RunReport report);

    /**
     * The run ended (finished, stalled or interrupted); its final report is read after this returns, so what is
     * stored with the run now (e.g. a fault's outcome) is in it.
     */
    default void ended(RunId run) {
    }

    /** Something the person running the benchmark should know, e.g. that the run waits for another one. */
    default void notice(String message) {
    }
}
