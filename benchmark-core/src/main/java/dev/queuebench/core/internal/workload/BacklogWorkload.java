package dev.queuebench.core.internal.workload;

import dev.queuebench.domain.BenchmarkRun;

/**
 * The backlog workload: the runner enqueues every job, due at once, while no worker runs; then the workers start and
 * drain them. Latency counts from the workers' start ({@link dev.queuebench.domain.Workload#latencyFromWorkersStart}).
 */
public final class BacklogWorkload implements RunWorkload {

    static final BacklogWorkload INSTANCE = new BacklogWorkload();

    private BacklogWorkload() {
    }

    @Override
    public BenchmarkRun submitInTurn(BenchmarkRun run, RunSteps steps) {
        return steps.markSubmitted(run);
    }

    @Override
    public void afterSubmission(BenchmarkRun submitted, RunSteps steps) {
        if (steps.enqueueHere(submitted.id())) {
            steps.startWorkers(steps.stored(submitted.id()));
        }
    }

    @Override
    public BenchmarkRun enqueueJobs(BenchmarkRun started, int from, Enqueuer enqueuer, SchedulingPhase phase) {
        return InOrder.enqueue(started, from, enqueuer, phase, (index, now) -> now);
    }
}
