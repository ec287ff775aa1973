package dev.queuebench.ports.spi;

import dev.queuebench.domain.RunId;
import java.time.Instant;
import java.util.Objects;

/**
 * A job to enqueue: job {@code index} of run {@code runId}, due at {@code dueAt}, carrying {@code payload} (empty
 * unless the run asks for one). A backend stores the payload with the job as its library serializes job data, and
 * hands it back to {@link PretendJobBody#run} when the job runs.
 */
public record PretendJob(RunId runId, int index, Instant dueAt, String payload) {

    public PretendJob {
        Objects.requireNonNull(runId, "run id is required");
        Objects.requireNonNull(dueAt, "due time is required");
        Objects.requireNonNull(payload, "payload is required (empty for none)");
        if (index < 0) {
            throw new IllegalArgumentException("job index must not be negative, was " + index);
        }
    }

    /** A job without payload. */
    public PretendJob(RunId runId, int index, Instant dueAt) {
        this(runId, index, dueAt, "");
    }
}
