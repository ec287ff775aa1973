package dev.queuebench.adapter.jobrunr;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The scheduling job: the run to schedule. */
record SchedulingJobRequest(long runId) implements JobRequest {

    @Override
    public Class<SchedulingJobHandler> getJobRequestHandler() {
        return SchedulingJobHandler.class;
    }
}
