package dev.queuebench.ports.in;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.domain.DurationRules;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SteadyState;
import dev.queuebench.domain.TickCounts;
import dev.queuebench.domain.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

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
 * @param faults            what went wrong around the run: the database outages it rode out, and the faults injected
 *                          into it on purpose, in time order
 * @param nodes             what each node that recorded for the run did, in the order of their ids
 * @param completionTicks   distinct completions per tenth of a second, every node's together
 * @param enqueueTicks      enqueued jobs per tenth of a second
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
        List<RunFault> faults,
        List<NodeShare> nodes,
        TickCounts completionTicks,
        TickCounts enqueueTicks) {

    /** The fingerprint's fact naming the profile the backend's knobs followed. */
    public static final String PROFILE_FACT = "backend.profile";
    /** The fingerprint's facts of the backend's pool: the connections it held, and what the backend needed. */
    public static final String POOL_FACT = "backend.pool_connections";
    public static final String POOL_NEEDED_FACT = "backend.pool_needed";

    /** Throughput counts as recovered from a fault at this share of its rate before it. */
    public static final double RECOVERED_SHARE = 0.9;
    /** The seconds before a fault whose mean rate is what throughput must get back to. */
    public static final int RATE_BEFORE_SECONDS = 10;
    private static final int RECOVERY_WINDOW_SECONDS = 3;

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
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(completionTicks, "completion ticks are required (may be empty)");
        Objects.requireNonNull(enqueueTicks, "enqueue ticks are required (may be empty)");
    }

    /**
     * The completions' steady state: their rate over the middle of the run, the 10th to the 90th percentile of their
     * times ({@link SteadyState}). Empty with too few completions, or all of them within half a second.
     */
    public Optional<SteadyState> steadyCompletions() {
        return SteadyState.of(completionTicks);
    }

    /** The enqueues' steady state, likewise: the scheduling phase's rate without its first and last calls. */
    public Optional<SteadyState> steadyEnqueues() {
        return SteadyState.of(enqueueTicks);
    }

    /**
     * Distinct completions per second over the steady middle of the run: the counterpart of {@link #jobsPerSecond},
     * {@link #drainRate} and a rate run's achieved rate that neither start-up nor tail sways.
     */
    public OptionalDouble steadyRate() {
        return steadyCompletions().map(steady -> OptionalDouble.of(steady.perSecond())).orElse(OptionalDouble.empty());
    }

    /**
     * From the workers' start to the first completion: the first poll, connections opening, the JIT warming. Empty
     * before a job completed.
     */
    public Optional<Duration> startUp() {
        return run.timeline().workersStartedAt().flatMap(start -> firstCompletionAt
                .map(first -> first.isAfter(start) ? Duration.between(start, first) : Duration.ZERO));
    }

    /** From the end of the steady middle to the last completion: the last polls, the stragglers. */
    public Optional<Duration> tail() {
        return steadyCompletions().flatMap(steady -> lastCompletionAt
                .map(last -> last.isAfter(steady.to()) ? Duration.between(steady.to(), last) : Duration.ZERO));
    }

    /** The profile the backend's knobs followed, from the fingerprint; empty for a run stored without one. */
    public Optional<Profile> profile() {
        return Optional.ofNullable(environment.get(PROFILE_FACT)).map(Profile::fromWireName);
    }

    /** A backend's connection pool: the connections it held, and how many the backend needed at most. */
    public record Pool(int connections, int needed) {
        /** Fewer than the backend needed (asked for on purpose): the run's figures measure the pool too. */
        public boolean isShort() {
            return connections < needed;
        }
    }

    /** The backend's pool, from the fingerprint; empty for a run stored without it. */
    public Optional<Pool> pool() {
        String connections = environment.get(POOL_FACT);
        String needed = environment.get(POOL_NEEDED_FACT);
        return connections == null || needed == null ? Optional.empty()
                : Optional.of(new Pool(Integer.parseInt(connections), Integer.parseInt(needed)));
    }

    /** A node's share of the run's executions, 0 to 1; 0 before any job ran. */
    public double shareOf(NodeShare node) {
        long executions = nodes.stream().mapToLong(NodeShare::executions).sum();
        return executions == 0 ? 0 : (double) node.executions() / executions;
    }

    /**
     * How evenly the nodes shared the work: the smallest node's executions over the largest's (1 is even, 0 means a
     * node ran nothing). Empty with fewer than two nodes, or before any job ran.
     */
    public OptionalDouble fairness() {
        if (nodes.size() < 2) {
            return OptionalDouble.empty();
        }
        long most = nodes.stream().mapToLong(NodeShare::executions).max().orElse(0);
        long least = nodes.stream().mapToLong(NodeShare::executions).min().orElse(0);
        return most == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) least / most);
    }

    /** The faults injected on purpose ({@code --fault}), without the outages they caused, in time order. */
    public List<RunFault> injectedFaults() {
        return faults.stream().filter(fault -> !fault.kind().equals(RunFault.DATABASE_UNREACHABLE)).toList();
    }

    /**
     * How long after {@code at} the completions per second were back to {@value #RECOVERED_SHARE} of their rate over
     * the {@value #RATE_BEFORE_SECONDS} seconds before it (three seconds in a row, on average): the run's recovery
     * from a fault there. Zero when the rate never fell that low; empty when nothing completed before {@code at}, or
     * the rate was not back before the last completion. Seconds are whole, as the series is.
     */
    public Optional<Duration> throughputRecoveryAfter(Instant at) {
        int[] counts = completionsPerSecond.counts();
        int fault = (int) (at.getEpochSecond() - completionsPerSecond.startEpochSecond());
        // the series' first second is a partial one (the first job finished somewhere in it): not a rate to get back to
        int from = Math.max(1, fault - RATE_BEFORE_SECONDS);
        if (fault <= from || fault > counts.length) {
            return Optional.empty();
        }
        double before = Arrays.stream(counts, from, fault).average().orElse(0);
        if (before == 0) {
            return Optional.empty();
        }
        for (int second = fault; second + RECOVERY_WINDOW_SECONDS <= counts.length; second++) {
            double rate = Arrays.stream(counts, second, second + RECOVERY_WINDOW_SECONDS).average().orElse(0);
            if (rate >= RECOVERED_SHARE * before) {
                Instant back = Instant.ofEpochSecond(completionsPerSecond.startEpochSecond() + second);
                return Optional.of(back.isAfter(at) ? Duration.between(at, back) : Duration.ZERO);
            }
        }
        return Optional.empty();
    }

    /**
     * Of the jobs missing when the run ended, those its backend still held (scheduled, enqueued, running or waiting
     * for a retry): 0 for a finished run; empty when the run ended unfinished and nobody counted them.
     */
    public OptionalInt pendingJobs() {
        if (completions.missingJobs() == 0) {
            return OptionalInt.of(0);
        }
        return run.ending().map(ending -> ending.pendingJobs().isPresent()
                ? OptionalInt.of(Math.min(ending.pendingJobs().getAsInt(), completions.missingJobs()))
                : OptionalInt.empty()).orElse(OptionalInt.empty());
    }

    /**
     * Of the jobs missing when the run ended, those that never ran and that the backend no longer held: lost by it.
     * Empty while the run is active, or when the pending ones were not counted.
     */
    public OptionalInt lostJobs() {
        if (completions.missingJobs() == 0) {
            return OptionalInt.of(0);
        }
        OptionalInt pending = pendingJobs();
        return pending.isPresent() ? OptionalInt.of(completions.missingJobs() - pending.getAsInt()) : OptionalInt.empty();
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

    /** Jobs enqueued per second over the scheduling phase (for a backlog, the enqueue rate with no worker running). */
    public OptionalDouble enqueueRate() {
        return schedulingPhase()
                .filter(phase -> !phase.isZero() && !phase.isNegative())
                .map(phase -> OptionalDouble.of(run.scheduledJobs() / (phase.toNanos() / 1e9)))
                .orElse(OptionalDouble.empty());
    }

    /**
     * A backlog's drain rate: distinct completions per second from the workers' start to the last completion. Empty
     * for the other workloads, whose workers start before their jobs are enqueued.
     */
    public OptionalDouble drainRate() {
        if (!(run.spec().workload() instanceof Workload.Backlog)) {
            return OptionalDouble.empty();
        }
        Optional<Instant> workersStarted = run.timeline().workersStartedAt();
        if (workersStarted.isEmpty() || lastCompletionAt.isEmpty()) {
            return OptionalDouble.empty();
        }
        Duration window = Duration.between(workersStarted.get(), lastCompletionAt.get());
        if (window.isNegative() || window.isZero()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(completions.distinctCompleted() / (window.toNanos() / 1e9));
    }

    /** A rate run's outcome: achieved against offered rate, the backlog, and whether the backend kept up. */
    public Optional<OfferOutcome> offer() {
        if (!(run.spec().workload() instanceof Workload.Rate rate) || jobsPerSecond().isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> offerStart = run.timeline().schedulingStartedAt();
        if (offerStart.isEmpty()) {
            return Optional.empty();
        }
        // n completions span n - 1 intervals of the offer's schedule
        Duration window = Duration.between(firstCompletionAt.orElseThrow(), lastCompletionAt.orElseThrow());
        double achieved = (completions.distinctCompleted() - 1) / (window.toNanos() / 1e9);
        long[] backlog = backlogPerSecond();
        long maxBacklog = Arrays.stream(backlog).max().orElse(0);
        int offerFrom = (int) Math.max(0, offerStart.get().getEpochSecond() - seriesStart());
        int offerSeconds = (int) Math.max(2, rate.duration().toSeconds());
        int half = offerFrom + offerSeconds / 2;
        int offerTo = Math.min(backlog.length, offerFrom + offerSeconds);
        double firstHalf = mean(backlog, offerFrom, half);
        double secondHalf = mean(backlog, half, offerTo);
        boolean bounded = secondHalf <= 1.25 * firstHalf + rate.jobsPerSecond() / 2;
        boolean keptUp = bounded && achieved >= OfferOutcome.KEPT_UP_SHARE * rate.jobsPerSecond();
        return Optional.of(new OfferOutcome(rate.jobsPerSecond(), achieved, maxBacklog, bounded, keptUp));
    }

    /** Jobs enqueued and not yet completed at the end of each second, from the first second either series has. */
    private long[] backlogPerSecond() {
        long start = seriesStart();
        long end = Math.max(enqueuesPerSecond.startEpochSecond() + enqueuesPerSecond.seconds(),
                completionsPerSecond.startEpochSecond() + completionsPerSecond.seconds());
        long[] backlog = new long[(int) Math.max(0, end - start)];
        int[] enqueued = enqueuesPerSecond.counts();
        int[] completed = completionsPerSecond.counts();
        long pending = 0;
        for (int i = 0; i < backlog.length; i++) {
            long second = start + i;
            pending += countAt(enqueued, enqueuesPerSecond.startEpochSecond(), second);
            pending -= countAt(completed, completionsPerSecond.startEpochSecond(), second);
            backlog[i] = Math.max(0, pending);
        }
        return backlog;
    }

    private long seriesStart() {
        if (enqueuesPerSecond.seconds() == 0) {
            return completionsPerSecond.startEpochSecond();
        }
        if (completionsPerSecond.seconds() == 0) {
            return enqueuesPerSecond.startEpochSecond();
        }
        return Math.min(enqueuesPerSecond.startEpochSecond(), completionsPerSecond.startEpochSecond());
    }

    private static int countAt(int[] counts, long startSecond, long second) {
        long index = second - startSecond;
        return index >= 0 && index < counts.length ? counts[(int) index] : 0;
    }

    private static double mean(long[] values, int from, int to) {
        long sum = 0;
        int count = 0;
        for (int i = from; i < Math.min(to, values.length); i++) {
            sum += values[i];
            count++;
        }
        return count == 0 ? 0 : (double) sum / count;
    }
}
