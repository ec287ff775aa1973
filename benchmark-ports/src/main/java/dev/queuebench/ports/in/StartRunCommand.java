package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.SchedulingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Asks for a new run. Validates itself: building one from a user's raw input throws
 * {@link IllegalArgumentException} with a message that names the wrong value. Whether the backend is registered is
 * checked by {@link StartRunUseCase}.
 */
public record StartRunCommand(RunSpec spec) {

    public StartRunCommand {
        Objects.requireNonNull(spec, "run spec is required");
    }

    public static StartRunCommand of(String backend, long jobsCount, SchedulingMode mode, Duration delay) {
        return new StartRunCommand(new RunSpec(BackendId.of(backend), JobsCount.of(jobsCount),
                Objects.requireNonNull(mode, "scheduling mode is required"), JobDelay.of(delay)));
    }

    /** One-by-one scheduling with the default delay, as the original harness's buttons did. */
    public static StartRunCommand of(String backend, long jobsCount) {
        return of(backend, jobsCount, SchedulingMode.ONE_BY_ONE, JobDelay.DEFAULT.value());
    }
}
