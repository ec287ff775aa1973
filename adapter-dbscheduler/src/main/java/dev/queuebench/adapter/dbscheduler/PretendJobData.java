package dev.queuebench.adapter.dbscheduler;

/** Task data of a pretend job: which job of which run it is. Its due time is the execution's own time. */
record PretendJobData(long runId, int index) {
}
