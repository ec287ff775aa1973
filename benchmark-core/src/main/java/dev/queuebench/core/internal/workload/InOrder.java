package dev.queuebench.core.internal.workload;

import dev.queuebench.domain.BenchmarkRun;
import java.util.concurrent.CancellationException;

/** Enqueues a run's jobs one call after the other, as fast as the backend takes them: the delayed and the backlog. */
final class InOrder {

    private InOrder() {
    }

    static BenchmarkRun enqueue(BenchmarkRun started, int from, Enqueuer enqueuer, SchedulingPhase phase,
                                Enqueuer.DueTimes dueTimes) {
        int jobsCount = started.jobsCount();
        BenchmarkRun run = started;
        long lastProgressNanos = phase.nanoTime().getAsLong();
        long progressNanos = phase.progressInterval().toNanos();
        for (int next = from; next < jobsCount; ) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("scheduling of run " + run.id() + " was interrupted after "
                        + next + " of " + jobsCount + " jobs");
            }
            int end = Math.min(jobsCount, next + enqueuer.callSize());
            enqueuer.enqueue(next, end, dueTimes);
            long endNanos = phase.nanoTime().getAsLong();
            next = end;
            if (next < jobsCount && endNanos - lastProgressNanos >= progressNanos) {
                run = run.recordScheduledJobs(next, phase.clock().instant());
                phase.storeProgress(run);
                lastProgressNanos = endNanos;
            }
        }
        return run;
    }
}
