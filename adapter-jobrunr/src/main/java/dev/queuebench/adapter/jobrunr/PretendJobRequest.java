package dev.queuebench.adapter.jobrunr;

import java.time.Instant;
import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * A pretend job: which job of which run it is, the payload it carries (JobRunr serializes it with the request), and
 * {@code dueAt}, the time this backend asked JobRunr to run it at.
 * The due time travels in the request because a running job cannot ask JobRunr for its scheduled time (its
 * {@code JobContext} has none).
 */
record PretendJobRequest(long runId, int index, Instant dueAt, String payload) implements JobRequest {

    @Override
    public Class<PretendJobHandler> getJobRequestHandler() {
        return PretendJobHandler.class;
    }
}
