package dev.queuebench.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A run cannot start scheduling now because another run holds the run lock, is running, or is pending ahead of it.
 * The run is waiting for its turn, it did not fail: the queue backend tries the scheduling job again soon
 * ({@link RetryPolicy#turnWait(double)}), not with the backoff of failed jobs.
 */
public final class ConcurrentRunException extends RuntimeException {

    private final RunId candidate;
    private final RunId runningRun;

    private ConcurrentRunException(RunId candidate, RunId runningRun, String message) {
        super(message);
        this.candidate = Objects.requireNonNull(candidate, "candidate run id is required");
        this.runningRun = runningRun;
    }

    public static ConcurrentRunException anotherRunIsRunning(RunId candidate, RunId runningRun) {
        return waitingFor(candidate, runningRun, RunStatus.RUNNING);
    }

    /** The candidate waits for another run, which is running, or pending ahead of it. */
    public static ConcurrentRunException waitingFor(RunId candidate, RunId other, RunStatus otherStatus) {
        Objects.requireNonNull(other, "the other run's id is required");
        String why = otherStatus == RunStatus.PENDING ? "is pending ahead of it" : "is running";
        return new ConcurrentRunException(candidate, other,
                "run " + candidate + " cannot start: run " + other + " " + why + "; it will be retried");
    }

    public static ConcurrentRunException runLockNotAcquired(RunId candidate, Duration waited) {
        return new ConcurrentRunException(candidate, null,
                "run " + candidate + " cannot start: the run lock was not acquired within " + waited
                        + " (another run is scheduling); it will be retried");
    }

    public RunId candidate() {
        return candidate;
    }

    /** The run it waits for, when it is known (not when the lock could not be had). */
    public Optional<RunId> runningRun() {
        return Optional.ofNullable(runningRun);
    }
}
