package dev.queuebench.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The timestamps of a run, named as in the original harness's {@code benchmark_runs} table, plus when its
 * scheduling job was submitted to the backend. A missing time is {@link Optional#empty()}, never {@code null}.
 *
 * <p>Invariants: a run's scheduling job is submitted before scheduling starts; a run cannot finish scheduling, or
 * finish, before scheduling started. Timestamps written by different nodes are not required to be ordered: clocks
 * differ.
 */
public final class RunTimeline {

    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant submittedAt;
    private final Instant schedulingStartedAt;
    private final Instant schedulingFinishedAt;
    private final Instant runFinishedAt;
    private final Instant workersStartedAt;

    private RunTimeline(Instant createdAt, Instant updatedAt, Instant submittedAt, Instant schedulingStartedAt,
                        Instant schedulingFinishedAt, Instant runFinishedAt, Instant workersStartedAt) {
        this.createdAt = Objects.requireNonNull(createdAt, "created_at is required");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updated_at is required");
        if (submittedAt == null && schedulingStartedAt != null) {
            throw new IllegalArgumentException("scheduling cannot start before the scheduling job was submitted");
        }
        if (schedulingStartedAt == null && schedulingFinishedAt != null) {
            throw new IllegalArgumentException("scheduling cannot finish before it started");
        }
        if (schedulingStartedAt == null && runFinishedAt != null) {
            throw new IllegalArgumentException("a run cannot finish before its scheduling started");
        }
        this.submittedAt = submittedAt;
        this.schedulingStartedAt = schedulingStartedAt;
        this.schedulingFinishedAt = schedulingFinishedAt;
        this.runFinishedAt = runFinishedAt;
        this.workersStartedAt = workersStartedAt;
    }

    /** A new run's timeline: created, nothing else yet. */
    public static RunTimeline createdAt(Instant createdAt) {
        return new RunTimeline(createdAt, createdAt, null, null, null, null, null);
    }

    /** Restores a timeline that was read from storage; {@code null} means "not yet". */
    public static RunTimeline of(Instant createdAt, Instant updatedAt, Instant submittedAt, Instant schedulingStartedAt,
                                 Instant schedulingFinishedAt, Instant runFinishedAt) {
        return of(createdAt, updatedAt, submittedAt, schedulingStartedAt, schedulingFinishedAt, runFinishedAt, null);
    }

    /** Restores a timeline that was read from storage, with when the workers started; {@code null} means "not yet". */
    public static RunTimeline of(Instant createdAt, Instant updatedAt, Instant submittedAt, Instant schedulingStartedAt,
                                 Instant schedulingFinishedAt, Instant runFinishedAt, Instant workersStartedAt) {
        return new RunTimeline(createdAt, updatedAt, submittedAt, schedulingStartedAt, schedulingFinishedAt,
                runFinishedAt, workersStartedAt);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** When the run's scheduling job was handed to its backend. */
    public Optional<Instant> submittedAt() {
        return Optional.ofNullable(submittedAt);
    }

    public Optional<Instant> schedulingStartedAt() {
        return Optional.ofNullable(schedulingStartedAt);
    }

    public Optional<Instant> schedulingFinishedAt() {
        return Optional.ofNullable(schedulingFinishedAt);
    }

    public Optional<Instant> runFinishedAt() {
        return Optional.ofNullable(runFinishedAt);
    }

    /**
     * When the runner started the backend's workers for this run: as it submits the run's scheduling job (delayed,
     * rate), or once every job is enqueued (backlog).
     */
    public Optional<Instant> workersStartedAt() {
        return Optional.ofNullable(workersStartedAt);
    }

    RunTimeline withWorkersStartedAt(Instant at) {
        return new RunTimeline(createdAt, at, submittedAt, schedulingStartedAt, schedulingFinishedAt, runFinishedAt,
                at);
    }

    RunTimeline withSubmittedAt(Instant at) {
        return new RunTimeline(createdAt, at, at, schedulingStartedAt, schedulingFinishedAt, runFinishedAt,
                workersStartedAt);
    }

    RunTimeline withSchedulingStartedAt(Instant at) {
        return new RunTimeline(createdAt, at, submittedAt, at, schedulingFinishedAt, runFinishedAt,
                workersStartedAt);
    }

    RunTimeline touchedAt(Instant at) {
        return new RunTimeline(createdAt, at, submittedAt, schedulingStartedAt, schedulingFinishedAt, runFinishedAt,
                workersStartedAt);
    }

    RunTimeline withSchedulingFinishedAt(Instant at) {
        return new RunTimeline(createdAt, at, submittedAt, schedulingStartedAt, at, runFinishedAt,
                workersStartedAt);
    }

    RunTimeline withRunFinishedAt(Instant finishedAt, Instant at) {
        return new RunTimeline(createdAt, at, submittedAt, schedulingStartedAt, schedulingFinishedAt, finishedAt,
                workersStartedAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunTimeline other
                && createdAt.equals(other.createdAt)
                && updatedAt.equals(other.updatedAt)
                && Objects.equals(submittedAt, other.submittedAt)
                && Objects.equals(schedulingStartedAt, other.schedulingStartedAt)
                && Objects.equals(schedulingFinishedAt, other.schedulingFinishedAt)
                && Objects.equals(runFinishedAt, other.runFinishedAt)
                && Objects.equals(workersStartedAt, other.workersStartedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(createdAt, updatedAt, submittedAt, schedulingStartedAt, schedulingFinishedAt,
                runFinishedAt, workersStartedAt);
    }

    @Override
    public String toString() {
        return "RunTimeline[created_at=" + createdAt + ", updated_at=" + updatedAt + ", submitted_at=" + submittedAt
                + ", scheduling_started_at=" + schedulingStartedAt + ", scheduling_finished_at=" + schedulingFinishedAt
                + ", run_finished_at=" + runFinishedAt + ", workers_started_at=" + workersStartedAt + "]";
    }
}
