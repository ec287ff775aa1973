package dev.queuebench.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A run cannot start scheduling now because another run holds the run lock or is running. The queue backend retries
 * the scheduling job later, with its backoff.
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
        Objects.requireNonNull(runningRun, "running run id is required");
        return new ConcurrentRunException(candidate, runningRun,
                "run " + candidate + " cannot start: run " + runningRun + " is running; it will be retried");
    }

    public static ConcurrentRunException runLockNotAcquired(RunId candidate, Duration waited) {
        return new ConcurrentRunException(candidate, null,
                "run " + candidate + " cannot start: the run lock was not acquired within " + waited
                        + " (another run is scheduling); it will be retried");
    }

    public RunId candidate() {
        return candidate;
    }

    /** The run that was running, when it is known (not when the lock could not be had). */
    public Optional<RunId> runningRun() {
        return Optional.ofNullable(runningRun);
    }
}
