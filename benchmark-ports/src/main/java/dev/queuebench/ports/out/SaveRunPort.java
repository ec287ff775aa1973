package dev.queuebench.ports.out;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;

/**
 * Writes runs, one lifecycle step at a time. Each step writes only its own columns, and only if the step has not
 * happened yet, so that a scheduler recording progress, a flusher marking the run finished and a supervisor ending it
 * never overwrite each other, and a step repeated after a dropped connection changes nothing.
 */
public interface SaveRunPort {

    /** Reserves the id of a run about to be created. */
    RunId nextRunId();

    /**
     * Stores a new run, owned by the node that created it: when that node is gone, the run can never finish and any
     * node ends it (see {@link NodeLeasePort}).
     */
    void insertRun(BenchmarkRun run, NodeId owner);

    /** Removes a run that was created but could not be submitted, or a discarded warm-up. */
    void deleteRun(RunId runId);

    /**
     * Stores {@code submitted_at} unless it is set already or the run ended.
     *
     * @return whether this call submitted the run
     */
    boolean saveSubmitted(BenchmarkRun run);

    /**
     * Stores {@code scheduling_started_at} unless it is already set or the run ended.
     *
     * @return whether this call started the run's scheduling
     */
    boolean saveSchedulingStarted(BenchmarkRun run);

    /** Stores {@code workers_started_at} unless it is set already or the run ended. */
    void saveWorkersStarted(BenchmarkRun run);

    /** Stores the scheduled-jobs count (which only grows) and {@code updated_at}. */
    void saveSchedulingProgress(BenchmarkRun run);

    /** Stores {@code scheduling_finished_at} and the final scheduled-jobs count. */
    void saveSchedulingFinished(BenchmarkRun run);

    /**
     * Stores {@code run_finished_at} unless it is already set.
     *
     * @return whether this call finished the run
     */
    boolean saveRunFinished(BenchmarkRun run);

    /**
     * Stores the run's ending (status, reason, time) unless it finished or ended already.
     *
     * @return whether this call ended the run
     */
    boolean saveEnding(BenchmarkRun run);

    /**
     * Stores how many jobs the backend still held when the run ended, unless the run did not end or the count is
     * stored already: for a run another node ended (e.g. its supervisor saw it stall first) before the process that
     * drove it could count.
     *
     * @return whether this call stored it
     */
    boolean savePendingJobs(RunId runId, int pendingJobs);
}
