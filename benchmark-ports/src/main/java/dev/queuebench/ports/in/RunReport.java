package dev.queuebench.ports.in;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.domain.DurationRules;
import dev.queuebench.domain.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What is known about one run: the run itself, its status, correctness counts, throughput and latencies, merged
 * from every node's completion snapshots.
 *
 * @param firstCompletionAt when the first job finished, if any did
 * @param lastCompletionAt  when the last job so far finished, if any did
 * @param pickupLag         job start minus due time
 * @param endToEnd          job finish minus due time
 * @param enqueueLatency    duration of each enqueue call (one call per job, or per batch in bulk mode)
 * @param environment       the run's fingerprint: versions, machine, database settings, backend knobs
 * @param resourceSamples   JVM, pool and database samples taken about once a second, in time order
 * @param faults            what went wrong around the run and was ridden out (database outages), in time order
 */
public record RunReport(
        BenchmarkRun run,
        RunStatus status,
        CompletionCounts completions,
        Instant lastProgressAt,
        Optional<Instant> firstCompletionAt,
        Optional<Instant> lastCompletionAt,
        LatencySummary pickupLag,
        LatencySummary endToEnd,
        LatencySummary enqueueLatency,
        ThroughputSeries completionsPerSecond,
        ThroughputSeries enqueuesPerSecond,
        Map<String, String> environment,
        List<ResourceSample> resourceSamples,
        List<RunFault> faults) {

    public RunReport {
        Objects.requireNonNull(run, "run is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(completions, "completions are required");
        Objects.requireNonNull(lastProgressAt, "last progress time is required");
        Objects.requireNonNull(firstCompletionAt, "first completion time is required (may be empty)");
        Objects.requireNonNull(lastCompletionAt, "last completion time is required (may be empty)");
        Objects.requireNonNull(pickupLag, "pickup lag is required");
        Objects.requireNonNull(endToEnd, "end-to-end latency is required");
        Objects.requireNonNull(enqueueLatency, "enqueue latency is required");
        Objects.requireNonNull(completionsPerSecond, "completions series is required");
        Objects.requireNonNull(enqueuesPerSecond, "enqueues series is required");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        resourceSamples = List.copyOf(resourceSamples);
        faults = List.copyOf(faults);
    }

    /** Why the run ended unfinished, if it did. */
    public Optional<String> endReason() {
        return run.ending().map(ending -> ending.reason());
    }

    /** How long the database was unreachable during the run, all outages together. */
    public Duration databaseUnreachable() {
        return faults.stream().filter(fault -> fault.kind().equals(RunFault.DATABASE_UNREACHABLE))
                .map(RunFault::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** Peaks, means and rates of the resources sampled while the run was scheduled and drained. */
    public ResourceSummary resources() {
        return ResourceSummary.of(resourceSamples);
    }

    public Optional<Duration> schedulingDuration() {
        return DurationRules.schedulingDuration(run.timeline());
    }

    public Optional<Duration> runDuration() {
        return DurationRules.runDuration(run.timeline());
    }

    public Optional<Duration> lockWaitPhase() {
        return DurationRules.lockWaitPhase(run.timeline());
    }

    public Optional<Duration> schedulingPhase() {
        return DurationRules.schedulingPhase(run.timeline());
    }

    public Optional<Duration> drainingPhase() {
        return DurationRules.drainingPhase(run.timeline());
    }

    /**
     * Distinct completions per second over the execution window, first to last completion. Empty until two jobs
     * finished at different times. Counts distinct jobs, so duplicates do not inflate it.
     */
    public OptionalDouble jobsPerSecond() {
        if (firstCompletionAt.isEmpty() || lastCompletionAt.isEmpty()) {
            return OptionalDouble.empty();
        }
        Duration window = Duration.between(firstCompletionAt.get(), lastCompletionAt.get());
        if (window.isNegative() || window.isZero()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(completions.distinctCompleted() / (window.toNanos() / 1e9));
    }
}
