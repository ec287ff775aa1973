package dev.queuebench.ports.out;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunId;

/**
 * Writes runs, one lifecycle step at a time. Each step writes only its own columns, so a scheduler recording
 * progress and a flusher marking the run finished never overwrite each other.
 */
public interface SaveRunPort {

    /** Reserves the id of a run about to be created. */
    RunId nextRunId();

    void insertRun(BenchmarkRun run);

    /** Removes a run that was created but could not be submitted. */
    void deleteRun(RunId runId);

    /**
     * Stores {@code scheduling_started_at} unless it is already set.
     *
     * @return whether this call started the run's scheduling
     */
    boolean saveSchedulingStarted(BenchmarkRun run);

    /** Stores the scheduled-jobs count and {@code updated_at}. */
    void saveSchedulingProgress(BenchmarkRun run);

    /** Stores {@code scheduling_finished_at} and the final scheduled-jobs count. */
    void saveSchedulingFinished(BenchmarkRun run);

    /**
     * Stores {@code run_finished_at} unless it is already set.
     *
     * @return whether this call finished the run
     */
    boolean saveRunFinished(BenchmarkRun run);
}
