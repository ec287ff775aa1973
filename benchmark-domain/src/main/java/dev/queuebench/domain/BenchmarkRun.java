package dev.queuebench.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One benchmark run: N pretend jobs scheduled into one queue backend, and when each phase happened.
 *
 * <p>Lifecycle: <em>created</em> (persisted, waiting for its turn) &rarr; <em>submitted</em> (its scheduling job
 * handed to the backend) &rarr; <em>scheduling</em> (the scheduling job holds the run lock and enqueues the jobs,
 * {@code scheduledJobs} counting up) &rarr; <em>scheduled</em> &rarr; <em>finished</em> when all N distinct jobs
 * completed. A run that cannot finish any more <em>ends</em> instead, with a {@link RunEnding} that says why
 * (stalled, or interrupted). Whether an unfinished run is pending, running or has stalled is decided by
 * {@link RunStatusRule}.
 *
 * <p>Invariants: {@code 0 <= scheduledJobs <= jobsCount}; a run that finished scheduling has scheduled every job;
 * transitions happen once and in order; an ended run starts nothing new (its late completions may still finish it).
 * Instances are immutable: each transition returns a new run.
 */
public record BenchmarkRun(RunId id, RunSpec spec, RunTimeline timeline, int scheduledJobs,
                           Optional<RunEnding> ending) {

    public BenchmarkRun {
        Objects.requireNonNull(id, "run id is required");
        Objects.requireNonNull(spec, "run spec is required");
        Objects.requireNonNull(timeline, "run timeline is required");
        Objects.requireNonNull(ending, "ending is required (may be empty)");
        if (scheduledJobs < 0 || scheduledJobs > spec.jobsCount().value()) {
            throw new IllegalArgumentException("scheduled jobs must be between 0 and " + spec.jobsCount()
                    + ", was " + scheduledJobs);
        }
        if (timeline.schedulingFinishedAt().isPresent() && scheduledJobs != spec.jobsCount().value()) {
            throw new IllegalArgumentException("a run that finished scheduling has scheduled all "
                    + spec.jobsCount() + " jobs, not " + scheduledJobs);
        }
    }

    /** A new run, waiting for its turn: its scheduling job is not submitted yet. */
    public static BenchmarkRun create(RunId id, RunSpec spec, Instant createdAt) {
        return new BenchmarkRun(id, spec, RunTimeline.createdAt(createdAt), 0, Optional.empty());
    }

    public BackendId backend() {
        return spec.backend();
    }

    public int jobsCount() {
        return spec.jobsCount().value();
    }

    public boolean isSubmitted() {
        return timeline.submittedAt().isPresent();
    }

    public boolean hasStartedScheduling() {
        return timeline.schedulingStartedAt().isPresent();
    }

    public boolean hasFinishedScheduling() {
        return timeline.schedulingFinishedAt().isPresent();
    }

    public boolean isFinished() {
        return timeline.runFinishedAt().isPresent();
    }

    public boolean isEnded() {
        return ending.isPresent();
    }

    /** The run's scheduling job was handed to its backend. */
    public BenchmarkRun submit(Instant at) {
        requireNotEnded("be submitted");
        if (isSubmitted()) {
            throw new IllegalStateException("run " + id + " was already submitted at "
                    + timeline.submittedAt().orElseThrow());
        }
        return new BenchmarkRun(id, spec, timeline.withSubmittedAt(at), scheduledJobs, ending);
    }

    /** The runner started the backend's workers for this run. */
    public BenchmarkRun startWorkers(Instant at) {
        requireNotEnded("start its workers");
        if (!isSubmitted()) {
            throw new IllegalStateException("run " + id + " starts its workers in its turn, after it was submitted");
        }
        return new BenchmarkRun(id, spec, timeline.withWorkersStartedAt(at), scheduledJobs, ending);
    }

    public BenchmarkRun startScheduling(Instant at) {
        requireNotEnded("start scheduling");
        if (hasStartedScheduling()) {
            throw new IllegalStateException("run " + id + " already started scheduling at "
                    + timeline.schedulingStartedAt().orElseThrow());
        }
        if (!isSubmitted()) {
            throw new IllegalStateException("run " + id + " cannot start scheduling before its job was submitted");
        }
        return new BenchmarkRun(id, spec, timeline.withSchedulingStartedAt(at), 0, ending);
    }

    public BenchmarkRun recordScheduledJobs(int count, Instant at) {
        requireScheduling();
        if (count < scheduledJobs) {
            throw new IllegalArgumentException("scheduled jobs only grow: " + count + " < " + scheduledJobs);
        }
        return new BenchmarkRun(id, spec, timeline.touchedAt(at), count, ending);
    }

    public BenchmarkRun finishScheduling(Instant at) {
        requireScheduling();
        return new BenchmarkRun(id, spec, timeline.withSchedulingFinishedAt(at), jobsCount(), ending);
    }

    /** Marks the run finished at the finish time of its last job; possible after it ended, when late jobs ran. */
    public BenchmarkRun finish(Instant lastJobFinishedAt, Instant at) {
        if (!hasStartedScheduling()) {
            throw new IllegalStateException("run " + id + " cannot finish before its scheduling started");
        }
        if (isFinished()) {
            throw new IllegalStateException("run " + id + " already finished at "
                    + timeline.runFinishedAt().orElseThrow());
        }
        return new BenchmarkRun(id, spec, timeline.withRunFinishedAt(lastJobFinishedAt, at), scheduledJobs, ending);
    }

    /** Ends a run that will not finish, with the reason. */
    public BenchmarkRun end(RunEnding why) {
        Objects.requireNonNull(why, "ending is required");
        if (isFinished()) {
            throw new IllegalStateException("run " + id + " finished at " + timeline.runFinishedAt().orElseThrow()
                    + "; it cannot end " + why.status().wireName());
        }
        requireNotEnded("end again");
        return new BenchmarkRun(id, spec, timeline, scheduledJobs, Optional.of(why));
    }

    private void requireNotEnded(String action) {
        if (isEnded()) {
            RunEnding ended = ending.orElseThrow();
            throw new IllegalStateException("run " + id + " cannot " + action + ": it ended "
                    + ended.status().wireName() + " at " + ended.at() + " (" + ended.reason() + ")");
        }
    }

    private void requireScheduling() {
        if (!hasStartedScheduling()) {
            throw new IllegalStateException("run " + id + " has not started scheduling");
        }
        if (hasFinishedScheduling()) {
            throw new IllegalStateException("run " + id + " already finished scheduling at "
                    + timeline.schedulingFinishedAt().orElseThrow());
        }
    }
}
