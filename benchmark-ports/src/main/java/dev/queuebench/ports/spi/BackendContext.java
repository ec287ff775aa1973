package dev.queuebench.ports.spi;

import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.ports.in.RecordJobCompletionUseCase;
import dev.queuebench.ports.in.ScheduleRunUseCase;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What a backend gets from Queue Bench: the PostgreSQL database to keep its tables in, the clock, its tuning knobs,
 * the use cases its jobs call, the retry policy to express in its library's terms, and what each run's jobs do
 * (which {@link PretendJobBody} reads).
 */
public record BackendContext(
        DataSource dataSource,
        Clock clock,
        BackendSettings settings,
        ScheduleRunUseCase runScheduler,
        RecordJobCompletionUseCase completions,
        RetryPolicy retryPolicy,
        JobWorkSource jobWork) {

    public BackendContext {
        Objects.requireNonNull(dataSource, "data source is required");
        Objects.requireNonNull(clock, "clock is required");
        Objects.requireNonNull(settings, "settings are required");
        Objects.requireNonNull(runScheduler, "schedule-run use case is required");
        Objects.requireNonNull(completions, "record-completion use case is required");
        Objects.requireNonNull(retryPolicy, "retry policy is required");
        Objects.requireNonNull(jobWork, "job work source is required");
    }

    /** A context whose runs' jobs do nothing and carry nothing: for a backend tested alone. */
    public BackendContext(DataSource dataSource, Clock clock, BackendSettings settings,
                          ScheduleRunUseCase runScheduler, RecordJobCompletionUseCase completions,
                          RetryPolicy retryPolicy) {
        this(dataSource, clock, settings, runScheduler, completions, retryPolicy, JobWorkSource.NONE);
    }
}
