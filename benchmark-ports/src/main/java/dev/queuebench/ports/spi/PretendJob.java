package dev.queuebench.ports.spi;

import dev.queuebench.domain.RunId;
import java.time.Instant;
import java.util.Objects;

/** A no-op job to enqueue: job {@code index} of run {@code runId}, due at {@code dueAt}. */
public record PretendJob(RunId runId, int index, Instant dueAt) {

    public PretendJob {
        Objects.requireNonNull(runId, "run id is required");
        Objects.requireNonNull(dueAt, "due time is required");
        if (index < 0) {
            throw new IllegalArgumentException("job index must not be negative, was " + index);
        }
    }
}
