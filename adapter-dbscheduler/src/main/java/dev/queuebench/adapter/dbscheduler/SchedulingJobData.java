package dev.queuebench.adapter.dbscheduler;

/** Task data of the scheduling task: the run to schedule. */
record SchedulingJobData(long runId) {
}
