package dev.queuebench.adapter.dbscheduler;

/**
 * Task data of a pretend job: which job of which run it is, and the payload it carries (serialized with it as JSON).
 * Its due time is the execution's own time.
 */
record PretendJobData(long runId, int index, String payload) {
}
