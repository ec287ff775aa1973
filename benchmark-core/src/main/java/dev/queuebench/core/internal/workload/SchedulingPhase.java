package dev.queuebench.core.internal.workload;

import dev.queuebench.domain.BenchmarkRun;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What a workload's scheduling phase is handed by the scheduling service: the clocks, how often progress is stored,
 * and where.
 *
 * @param progressInterval at most how often the jobs enqueued so far are stored
 * @param progress         stores a run's progress (the number of jobs enqueued), riding out an outage
 */
public record SchedulingPhase(Clock clock, LongSupplier nanoTime, Duration progressInterval,
                              Consumer<BenchmarkRun> progress) {

    public SchedulingPhase {
        Objects.requireNonNull(clock, "clock is required");
        Objects.requireNonNull(nanoTime, "nano time source is required");
        Objects.requireNonNull(progressInterval, "progress interval is required");
        Objects.requireNonNull(progress, "progress store is required");
    }

    void storeProgress(BenchmarkRun run) {
        progress.accept(run);
    }
}
