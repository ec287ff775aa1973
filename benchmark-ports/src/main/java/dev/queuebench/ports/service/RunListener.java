package dev.queuebench.ports.service;

import dev.queuebench.ports.in.RunReport;

/** Hears about a run that {@link BenchmarkRunner} drives. */
public interface RunListener {

    /** Hears nothing: for runs driven in the background. */
    RunListener SILENT = report -> { };

    /** The run's latest report, about twice a second until it ends, and once more at the end. */
    void progress(RunReport report);

    /** Something the person running the benchmark should know, e.g. that the run waits for another one. */
    default void notice(String message) {
    }
}
