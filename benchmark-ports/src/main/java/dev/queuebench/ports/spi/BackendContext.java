package dev.queuebench.ports.spi;

import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.ports.in.RecordJobCompletionUseCase;
import dev.queuebench.ports.in.ScheduleRunUseCase;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What a backend gets from Queue Bench: the PostgreSQL database to keep its tables in, the clock, its tuning knobs,
 * the use cases its jobs call, and the retry policy to express in its library's terms.
 */
public record BackendContext(
        DataSource dataSource,
        Clock clock,
        BackendSettings settings,
        ScheduleRunUseCase runScheduler,
        RecordJobCompletionUseCase completions,
        RetryPolicy retryPolicy) {

    public BackendContext {
        Objects.requireNonNull(dataSource, "data source is required");
        Objects.requireNonNull(clock, "clock is required");
        Objects.requireNonNull(settings, "settings are required");
        Objects.requireNonNull(runScheduler, "schedule-run use case is required");
        Objects.requireNonNull(completions, "record-completion use case is required");
        Objects.requireNonNull(retryPolicy, "retry policy is required");
    }
}
