package dev.queuebench.domain;

import java.util.Objects;

/** What a run does: which backend, how many jobs, how they are enqueued and how long each waits to become due. */
public record RunSpec(BackendId backend, JobsCount jobsCount, SchedulingMode schedulingMode, JobDelay jobDelay) {

    public RunSpec {
        Objects.requireNonNull(backend, "backend is required");
        Objects.requireNonNull(jobsCount, "jobs count is required");
        Objects.requireNonNull(schedulingMode, "scheduling mode is required");
        Objects.requireNonNull(jobDelay, "job delay is required");
    }
}
