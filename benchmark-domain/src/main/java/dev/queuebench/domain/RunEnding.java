package dev.queuebench.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why and when a run ended without finishing: it {@link RunStatus#STALLED stalled}, or it was
 * {@link RunStatus#INTERRUPTED interrupted} (its process is gone, or its scheduling job was never picked up). Stored
 * with the run, so that no run stays pending or running for ever once nobody can finish it.
 *
 * @param pendingJobs how many jobs the backend still held (scheduled, enqueued, running or waiting for a retry) when
 *                    the run ended, as the process that drove it counted them; empty when nobody could count
 */
public record RunEnding(RunStatus status, String reason, Instant at, OptionalInt pendingJobs) {

    public RunEnding {
        Objects.requireNonNull(status, "status is required");
        if (status != RunStatus.STALLED && status != RunStatus.INTERRUPTED) {
            throw new IllegalArgumentException("a run ends unfinished as stalled or interrupted, not " + status.wireName());
        }
        Objects.requireNonNull(reason, "reason is required");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("the reason a run ended must not be blank");
        }
        Objects.requireNonNull(at, "end time is required");
        Objects.requireNonNull(pendingJobs, "pending jobs are required (may be empty)");
        if (pendingJobs.isPresent() && pendingJobs.getAsInt() < 0) {
            throw new IllegalArgumentException("pending jobs cannot be negative, was " + pendingJobs.getAsInt());
        }
    }

    public RunEnding(RunStatus status, String reason, Instant at) {
        this(status, reason, at, OptionalInt.empty());
    }

    /** The same ending, with the jobs the backend still held when the run ended. */
    public RunEnding withPendingJobs(int count) {
        return new RunEnding(status, reason, at, OptionalInt.of(count));
    }

    public static RunEnding stalled(Duration stallTimeout, Instant at) {
        return new RunEnding(RunStatus.STALLED, "no progress for " + seconds(stallTimeout), at);
    }

    /** The process that started the run ended, or lost its database session for good. */
    public static RunEnding ownerGone(String owner, Instant at) {
        return new RunEnding(RunStatus.INTERRUPTED, "the process that started it (" + owner + ") is gone", at);
    }

    /** The process that started the run stopped it (Ctrl-C, or it shut down) before the run ended. */
    public static RunEnding stoppedByOwner(Instant at) {
        return new RunEnding(RunStatus.INTERRUPTED, "the process that started it stopped before it ended", at);
    }

    /** It was the run's turn, but no worker of its backend picked up its scheduling job in time. */
    public static RunEnding notPickedUp(BackendId backend, Duration waited, Instant at) {
        return new RunEnding(RunStatus.INTERRUPTED, "no worker of " + backend + " picked up its scheduling job within "
                + seconds(waited) + "; are the backend's workers running?", at);
    }

    /** The backend's workers in the process that drove the run stopped by themselves, e.g. after database errors. */
    public static RunEnding workersStopped(BackendId backend, Instant at) {
        return new RunEnding(RunStatus.INTERRUPTED, "the workers of " + backend
                + " stopped by themselves while it ran (see the log)", at);
    }

    /** The scheduling job gave up (its last attempt failed). */
    public static RunEnding schedulingFailed(String cause, Instant at) {
        return new RunEnding(RunStatus.INTERRUPTED, "its scheduling job failed: " + cause, at);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1_000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
