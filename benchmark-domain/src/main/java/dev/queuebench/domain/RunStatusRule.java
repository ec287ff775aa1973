package dev.queuebench.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Decides a run's {@link RunStatus}.
 *
 * <p>A run is <em>finished</em> once all its jobs completed, whatever else happened. A run that ended unfinished
 * keeps the status of its {@link RunEnding} (stalled or interrupted). Otherwise it is <em>running</em> when its
 * scheduling has started and it is not stalled, and <em>stalled</em> when it started and no progress was seen for
 * the stall timeout or longer. A run whose scheduling has not started is <em>pending</em>: waiting for its turn is
 * its normal state. A pending run does not stall; it ends when the process that started it is gone, or when its
 * scheduling job is not picked up in its turn (see {@link RunEnding}).
 */
public final class RunStatusRule {

    /** The default stall timeout as users type it (runners' option defaults must be constants). */
    public static final String DEFAULT_STALL_TIMEOUT_TEXT = "120s";
    public static final Duration DEFAULT_STALL_TIMEOUT = Durations.parse(DEFAULT_STALL_TIMEOUT_TEXT);

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
        if (run.ending().isPresent()) {
            return run.ending().get().status();
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

    public boolean isActive(RunActivity activity) {
        return statusOf(activity).isActive();
    }
}
