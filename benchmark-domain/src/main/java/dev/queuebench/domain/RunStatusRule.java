package dev.queuebench.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Decides a run's {@link RunStatus}.
 *
 * <p>A run is <em>running</em> when its scheduling has started and it is neither finished nor stalled. It is
 * <em>stalled</em> when it started, has not finished, and no progress was seen for the stall timeout or longer.
 * A run whose scheduling has not started is <em>pending</em>, however long it waits: waiting behind another run is
 * its normal state, and it blocks nobody.
 */
public final class RunStatusRule {

    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(120);

    private final Clock clock;
    private final Duration stallTimeout;

    public RunStatusRule(Clock clock, Duration stallTimeout) {
        this.clock = Objects.requireNonNull(clock, "clock is required");
        Objects.requireNonNull(stallTimeout, "stall timeout is required");
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("stall timeout must be positive, was " + stallTimeout);
        }
        this.stallTimeout = stallTimeout;
    }

    public Duration stallTimeout() {
        return stallTimeout;
    }

    public RunStatus statusOf(RunActivity activity) {
        BenchmarkRun run = activity.run();
        if (run.isFinished()) {
            return RunStatus.FINISHED;
        }
        if (!run.hasStartedScheduling()) {
            return RunStatus.PENDING;
        }
        Duration quiet = Duration.between(activity.lastProgressAt(), clock.instant());
        if (quiet.compareTo(stallTimeout) >= 0) {
            return RunStatus.STALLED;
        }
        return run.hasFinishedScheduling() ? RunStatus.RUNNING : RunStatus.SCHEDULING;
    }

    public boolean isRunning(RunActivity activity) {
        return statusOf(activity).isRunning();
    }
}
