package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.Workload;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks for a new run. Validates itself: building one from a user's raw input throws
 * {@link IllegalArgumentException} with a message that names the wrong value. Whether the backend is registered is
 * checked by {@link StartRunUseCase}.
 *
 * @param profile the profile to run the backend in (the user's own knobs still override its values); empty to run it
 *                as the core was configured
 * @param nodes   the nodes that execute the run: this one and the worker nodes started for it, kept with the run so
 *                that a node that ran none of its jobs still counts
 */
public record StartRunCommand(RunSpec spec, Optional<Profile> profile, int nodes) {

    public StartRunCommand {
        Objects.requireNonNull(spec, "run spec is required");
        Objects.requireNonNull(profile, "profile is required (may be empty)");
        if (nodes < 1) {
            throw new IllegalArgumentException("a run executes on 1 node or more, was " + nodes);
        }
    }

    /** A run on this node only. */
    public StartRunCommand(RunSpec spec, Optional<Profile> profile) {
        this(spec, profile, 1);
    }

    /** A run of the backend as the core was configured. */
    public StartRunCommand(RunSpec spec) {
        this(spec, Optional.empty());
    }

    /** The delayed workload (the original harness's): N jobs, each due {@code delay} after its enqueue. */
    public static StartRunCommand of(String backend, long jobsCount, SchedulingMode mode, Duration delay) {
        return new StartRunCommand(new RunSpec(BackendId.of(backend), JobsCount.of(jobsCount),
                Objects.requireNonNull(mode, "scheduling mode is required"), JobDelay.of(delay)));
    }

    /** One-by-one scheduling with the default delay, as the original harness's buttons did. */
    public static StartRunCommand of(String backend, long jobsCount) {
        return of(backend, jobsCount, SchedulingMode.ONE_BY_ONE, JobDelay.DEFAULT.value());
    }

    /** The backlog workload: N jobs, due at once, enqueued while no worker runs, then drained. */
    public static StartRunCommand backlog(String backend, long jobsCount, SchedulingMode mode) {
        return new StartRunCommand(new RunSpec(BackendId.of(backend), JobsCount.of(jobsCount),
                Objects.requireNonNull(mode, "scheduling mode is required"), JobDelay.of(Duration.ZERO),
                Workload.BACKLOG, JobWork.NONE));
    }

    /** The rate workload: {@code jobsPerSecond} offered for {@code duration}, each job due at its intended time. */
    public static StartRunCommand rate(String backend, double jobsPerSecond, Duration duration, SchedulingMode mode) {
        Workload.Rate rate = new Workload.Rate(jobsPerSecond, duration);
        return new StartRunCommand(new RunSpec(BackendId.of(backend), rate.jobs(),
                Objects.requireNonNull(mode, "scheduling mode is required"), JobDelay.of(Duration.ZERO), rate,
                JobWork.NONE));
    }

    /** The same run, its jobs doing {@code work}. */
    public StartRunCommand withJobWork(JobWork work) {
        return new StartRunCommand(new RunSpec(spec.backend(), spec.jobsCount(), spec.schedulingMode(),
                spec.jobDelay(), spec.workload(), work), profile, nodes);
    }

    /** The same run on another backend, for comparisons. */
    public StartRunCommand onBackend(BackendId backend) {
        return new StartRunCommand(new RunSpec(backend, spec.jobsCount(), spec.schedulingMode(), spec.jobDelay(),
                spec.workload(), spec.jobWork()), profile, nodes);
    }

    /** The same run, of {@code jobs} jobs (a delayed run or a backlog sized to last long enough). */
    public StartRunCommand withJobsCount(JobsCount jobs) {
        return new StartRunCommand(new RunSpec(spec.backend(), jobs, spec.schedulingMode(), spec.jobDelay(),
                spec.workload(), spec.jobWork()), profile, nodes);
    }

    /** The same run, with the backend in {@code profile}. */
    public StartRunCommand withProfile(Profile other) {
        return new StartRunCommand(spec, Optional.of(Objects.requireNonNull(other, "profile is required")), nodes);
    }

    /** The same run, executed by {@code count} nodes. */
    public StartRunCommand withNodes(int count) {
        return new StartRunCommand(spec, profile, count);
    }
}
