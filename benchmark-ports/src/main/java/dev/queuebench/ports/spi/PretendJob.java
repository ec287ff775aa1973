package dev.queuebench.ports.spi;

import dev.queuebench.domain.RunId;
import java.time.Instant;
import java.util.Objects;

/**
 * A job to enqueue: job {@code index} of run {@code runId}, due at {@code dueAt}, carrying {@code payload} (empty
 * unless the run asks for one). A backend stores the payload with the job as its library serializes job data, and
 * hands it back to {@link PretendJobBody#run} when the job runs.
 *
 * <p>{@code dueNow} says which call a user of the library would make for it. A job due now (a backlog's, a rate's, a
 * delayed run's with no delay: its due time is its enqueue or intended time, never later) is work to do at once: the
 * backend enqueues it in its library's ready state where the library has one (JobRunr's {@code enqueue}, a
 * {@code JobBuilder} without {@code scheduleAt}). A job due later is scheduled for its time (JobRunr's
 * {@code schedule}). Libraries that keep every job alike, waiting for its time (db-scheduler, Quartz), take both the
 * same way. Either way {@code dueAt} is the time latency is measured from.
 */
public record PretendJob(RunId runId, int index, Instant dueAt, String payload, boolean dueNow) {

    public PretendJob {
        Objects.requireNonNull(runId, "run id is required");
        Objects.requireNonNull(dueAt, "due time is required");
        Objects.requireNonNull(payload, "payload is required (empty for none)");
        if (index < 0) {
            throw new IllegalArgumentException("job index must not be negative, was " + index);
        }
    }

    /** A job without payload, due later, at {@code dueAt}. */
    public PretendJob(RunId runId, int index, Instant dueAt) {
        this(runId, index, dueAt, "", false);
    }

    /** Work to do at once; {@code dueAt} is its enqueue or intended time. */
    public static PretendJob dueNow(RunId runId, int index, Instant dueAt, String payload) {
        return new PretendJob(runId, index, dueAt, payload, true);
    }

    /** A job due at {@code dueAt}, after it is enqueued. */
    public static PretendJob dueLater(RunId runId, int index, Instant dueAt, String payload) {
        return new PretendJob(runId, index, dueAt, payload, false);
    }
}
