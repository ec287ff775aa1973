package dev.queuebench.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A run together with the last time any progress was seen for it: a scheduling step (the run's {@code updated_at})
 * or a job completion (reported by the completion recorders).
 */
public record RunActivity(BenchmarkRun run, Instant lastProgressAt) {

    public RunActivity {
        Objects.requireNonNull(run, "run is required");
        Objects.requireNonNull(lastProgressAt, "last progress time is required");
    }

    /** The later of the run's own last update and its last seen completion, if any. */
    public static RunActivity of(BenchmarkRun run, Instant lastCompletionProgressAt) {
        Instant updatedAt = run.timeline().updatedAt();
        Instant last = lastCompletionProgressAt != null && lastCompletionProgressAt.isAfter(updatedAt)
                ? lastCompletionProgressAt
                : updatedAt;
        return new RunActivity(run, last);
    }
}
