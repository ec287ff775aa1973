package dev.queuebench.ports.service;

import dev.queuebench.ports.in.RunReport;

/** Hears about a run that {@link BenchmarkRunner} drives. */
public interface RunListener {

    /** The run's latest report, about twice a second until it ends, and once more at the end. */
    void progress(RunReport report);

    /** Something the person running the benchmark should know, e.g. that tables were not cleared. */
    default void notice(String message) {
    }
}
