package dev.queuebench.ports.in;

import dev.queuebench.domain.SweepId;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A sweep stored and handed to the background: its id at once (its page shows its points as they come), its result
 * once its last point ended.
 */
public record BackgroundSweep(SweepId id, CompletableFuture<SweepResult> result) {

    public BackgroundSweep {
        Objects.requireNonNull(id, "sweep id is required");
        Objects.requireNonNull(result, "result is required");
    }
}
