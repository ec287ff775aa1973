package dev.queuebench.adapter.dbscheduler;

/**
 * Task data of the scheduling task: the run to schedule, and how many of its attempts failed. db-scheduler counts
 * every failure; this counts only real ones, not the tries that found another run's turn.
 */
record SchedulingJobData(long runId, int failedAttempts) {

    SchedulingJobData afterFailedAttempt() {
        return new SchedulingJobData(runId, failedAttempts + 1);
    }
}
