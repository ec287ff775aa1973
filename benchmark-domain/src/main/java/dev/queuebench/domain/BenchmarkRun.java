package dev.queuebench.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One benchmark run: N pretend jobs scheduled into one queue backend, and when each phase happened.
 *
 * <p>Lifecycle: <em>created</em> (persisted, its scheduling job submitted) &rarr; <em>scheduling</em> (the
 * scheduling job holds the run lock and enqueues the jobs, {@code scheduledJobs} counting up) &rarr;
 * <em>scheduled</em> &rarr; <em>finished</em> when all N distinct jobs completed. Whether a started, unfinished run
 * is still running or has stalled is decided by {@link RunStatusRule}.
 *
 * <p>Invariants: {@code 0 <= scheduledJobs <= jobsCount}; a run that finished scheduling has scheduled every job;
 * transitions happen once and in order. Instances are immutable: each transition returns a new run.
 */
public record BenchmarkRun(RunId id, RunSpec spec, RunTimeline timeline, int scheduledJobs) {

    public BenchmarkRun {
        Objects.requireNonNull(id, "run id is required");
        Objects.requireNonNull(spec, "run spec is required");
        Objects.requireNonNull(timeline, "run timeline is required");
        if (scheduledJobs < 0 || scheduledJobs > spec.jobsCount().value()) {
            throw new IllegalArgumentException("scheduled jobs must be between 0 and " + spec.jobsCount()
                    + ", was " + scheduledJobs);
        }
        if (timeline.schedulingFinishedAt().isPresent() && scheduledJobs != spec.jobsCount().value()) {
            throw new IllegalArgumentException("a run that finished scheduling has scheduled all "
                    + spec.jobsCount() + " jobs, not " + scheduledJobs);
        }
    }

    /** A new run, not yet scheduling. */
    public static BenchmarkRun create(RunId id, RunSpec spec, Instant createdAt) {
        return new BenchmarkRun(id, spec, RunTimeline.createdAt(createdAt), 0);
    }

    public BackendId backend() {
        return spec.backend();
    }

    public int jobsCount() {
        return spec.jobsCount().value();
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

    public BenchmarkRun startScheduling(Instant at) {
        if (hasStartedScheduling()) {
            throw new IllegalStateException("run " + id + " already started scheduling at "
                    + timeline.schedulingStartedAt().orElseThrow());
        }
        return new BenchmarkRun(id, spec, timeline.withSchedulingStartedAt(at), 0);
    }

    public BenchmarkRun recordScheduledJobs(int count, Instant at) {
        requireScheduling();
        if (count < scheduledJobs) {
            throw new IllegalArgumentException("scheduled jobs only grow: " + count + " < " + scheduledJobs);
        }
        return new BenchmarkRun(id, spec, timeline.touchedAt(at), count);
    }

    public BenchmarkRun finishScheduling(Instant at) {
        requireScheduling();
        return new BenchmarkRun(id, spec, timeline.withSchedulingFinishedAt(at), jobsCount());
    }

    /** Marks the run finished at the finish time of its last job. */
    public BenchmarkRun finish(Instant lastJobFinishedAt, Instant at) {
        if (!hasStartedScheduling()) {
            throw new IllegalStateException("run " + id + " cannot finish before its scheduling started");
        }
        if (isFinished()) {
            throw new IllegalStateException("run " + id + " already finished at "
                    + timeline.runFinishedAt().orElseThrow());
        }
        return new BenchmarkRun(id, spec, timeline.withRunFinishedAt(lastJobFinishedAt, at), scheduledJobs);
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
