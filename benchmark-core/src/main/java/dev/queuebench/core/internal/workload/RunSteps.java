package dev.queuebench.core.internal.workload;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunId;

/**
 * What the runner can do for a run, in the order its workload asks for: the runner's side of
 * {@link RunWorkload#submitInTurn} and {@link RunWorkload#afterSubmission}.
 */
public interface RunSteps {

    /** Starts the backend's workers, if they do not run yet, before anything of the run is submitted. */
    void startBackendWorkers();

    /** Submits the run's scheduling job to the backend, for one of its workers to run; stores the submission. */
    BenchmarkRun submitSchedulingJob(BenchmarkRun run);

    /** Stores the submission of a run whose jobs the runner enqueues itself: no scheduling job goes to the backend. */
    BenchmarkRun markSubmitted(BenchmarkRun run);

    /** Starts the backend's workers if they do not run yet, and stores when they did. */
    BenchmarkRun startWorkers(BenchmarkRun run);

    /**
     * Runs the scheduling phase on this thread.
     *
     * @return whether every job was enqueued; false when the run ended meanwhile
     */
    boolean enqueueHere(RunId id);

    /** The run as it is stored now. */
    BenchmarkRun stored(RunId id);
}
