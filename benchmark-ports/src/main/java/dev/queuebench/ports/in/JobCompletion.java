package dev.queuebench.ports.in;

import dev.queuebench.domain.RunId;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of a pretend job, as its backend saw it.
 *
 * @param jobIndex   the job's index within its run, {@code 0 <= index < jobs count}
 * @param dueAt      when the job was due (the time it was scheduled for)
 * @param startedAt  when the backend started running it
 * @param finishedAt when it finished
 */
public record JobCompletion(RunId runId, int jobIndex, Instant dueAt, Instant startedAt, Instant finishedAt) {

    public JobCompletion {
        Objects.requireNonNull(runId, "run id is required");
        Objects.requireNonNull(dueAt, "due time is required");
        Objects.requireNonNull(startedAt, "start time is required");
        Objects.requireNonNull(finishedAt, "finish time is required");
        if (jobIndex < 0) {
            throw new IllegalArgumentException("job index must not be negative, was " + jobIndex);
        }
    }
}
