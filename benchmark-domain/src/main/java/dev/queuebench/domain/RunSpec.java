package dev.queuebench.domain;

import java.util.Objects;

/**
 * What a run does: which backend, how many jobs, how they are enqueued, the workload they make, how long each waits
 * to become due (the delayed workload's delay; the other workloads' jobs are due when they are enqueued or intended),
 * and what each job does.
 */
public record RunSpec(BackendId backend, JobsCount jobsCount, SchedulingMode schedulingMode, JobDelay jobDelay,
                      Workload workload, JobWork jobWork) {

    public RunSpec {
        Objects.requireNonNull(backend, "backend is required");
        Objects.requireNonNull(jobsCount, "jobs count is required");
        Objects.requireNonNull(schedulingMode, "scheduling mode is required");
        Objects.requireNonNull(jobDelay, "job delay is required");
        Objects.requireNonNull(workload, "workload is required");
        Objects.requireNonNull(jobWork, "job work is required");
        if (!(workload instanceof Workload.Delayed) && !jobDelay.value().isZero()) {
            throw new IllegalArgumentException("the " + workload.wireName() + " workload's jobs are due when they are "
                    + (workload instanceof Workload.Rate ? "intended" : "enqueued") + ": the job delay applies to the"
                    + " delayed workload only");
        }
        if (workload instanceof Workload.Rate rate && !rate.jobs().equals(jobsCount)) {
            throw new IllegalArgumentException("a rate workload's jobs count is rate x duration, " + rate.jobs()
                    + ", not " + jobsCount);
        }
    }

    /** The delayed workload (the original harness's) of jobs that do nothing. */
    public RunSpec(BackendId backend, JobsCount jobsCount, SchedulingMode schedulingMode, JobDelay jobDelay) {
        this(backend, jobsCount, schedulingMode, jobDelay, Workload.DELAYED, JobWork.NONE);
    }
}
