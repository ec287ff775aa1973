package dev.queuebench.core.internal.workload;

import dev.queuebench.domain.BenchmarkRun;
import java.time.Duration;

/**
 * The delayed workload: the backend's workers start, then a scheduling job goes to the backend, and a worker of the
 * backend enqueues the jobs, each due the run's delay after its enqueue, while the workers run them.
 */
public final class DelayedWorkload implements RunWorkload {

    static final DelayedWorkload INSTANCE = new DelayedWorkload();

    private DelayedWorkload() {
    }

    @Override
    public BenchmarkRun submitInTurn(BenchmarkRun run, RunSteps steps) {
        // a worker must be there to run the scheduling job; the start is stamped once it is submitted
        steps.startBackendWorkers();
        return steps.startWorkers(steps.submitSchedulingJob(run));
    }

    @Override
    public void afterSubmission(BenchmarkRun submitted, RunSteps steps) {
        // a worker of the backend runs the scheduling phase
    }

    @Override
    public BenchmarkRun enqueueJobs(BenchmarkRun started, int from, Enqueuer enqueuer, SchedulingPhase phase) {
        Duration delay = started.spec().jobDelay().value();
        return InOrder.enqueue(started, from, enqueuer, phase, (index, now) -> now.plus(delay));
    }
}
