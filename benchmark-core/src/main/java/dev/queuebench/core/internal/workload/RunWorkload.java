package dev.queuebench.core.internal.workload;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.Workload;
import java.util.Map;

/**
 * What a workload does to a run, one class per workload. What a workload means to its user (its parameters, whether
 * its jobs are due at once, where latency counts from) is the domain's {@link Workload}; this is how the core carries
 * it out. Adding a workload is one more class here (context/0009 lists the files).
 */
public sealed interface RunWorkload permits DelayedWorkload, BacklogWorkload, RateWorkload {

    /** The class that carries out this workload. */
    static RunWorkload of(Workload workload) {
        if (workload instanceof Workload.Rate rate) {
            return new RateWorkload(rate);
        } else if (workload instanceof Workload.Backlog) {
            return BacklogWorkload.INSTANCE;
        }
        return DelayedWorkload.INSTANCE;
    }

    /**
     * In the run's turn, holding the run lock, with the backend's tables cleared: submits the run, starting the
     * workers now if the workload has them run from the start.
     *
     * @return the submitted run
     */
    BenchmarkRun submitInTurn(BenchmarkRun run, RunSteps steps);

    /** After the submission, outside the run lock: what the runner does before it waits for the run's end. */
    void afterSubmission(BenchmarkRun submitted, RunSteps steps);

    /**
     * The scheduling phase, once started: enqueues the jobs from {@code from} on, storing progress as it goes.
     *
     * @return the run with every job enqueued counted; its scheduling is not yet stamped finished
     */
    BenchmarkRun enqueueJobs(BenchmarkRun started, int from, Enqueuer enqueuer, SchedulingPhase phase);

    /** Adds the workload's parameters to a run's fingerprint ({@code run.*} facts). */
    default void describe(Map<String, String> facts) {
    }
}
