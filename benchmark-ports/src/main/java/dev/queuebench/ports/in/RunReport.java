package dev.queuebench.ports.in;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.domain.DurationRules;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SteadyState;
import dev.queuebench.domain.TickCounts;
import dev.queuebench.domain.Workload;
import dev.queuebench.domain.measure.Bottleneck;
import dev.queuebench.domain.measure.DueWork;
import dev.queuebench.domain.measure.LatencySummary;
import dev.queuebench.domain.measure.NodeShare;
import dev.queuebench.domain.measure.OfferOutcome;
import dev.queuebench.domain.measure.Rates;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.ResourceSummary;
import dev.queuebench.domain.measure.StatementTime;
import dev.queuebench.domain.measure.ThroughputSeries;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import dev.queuebench.ports.spi.BackendSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * @param busyPerSecond     microseconds every node's workers spent in jobs, per second
 * @param topStatements     the statements that took the database's time during the run: the backend's, the most
 *                          first, then the harness's own; empty where the server keeps no statement statistics
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
        TickCounts enqueueTicks,
        TickCounts busyPerSecond,
        List<StatementTime> topStatements) {

    /** The fingerprint's fact of the nodes that executed the run: this one and the worker nodes started for it. */
    public static final String NODES_FACT = "run.nodes";
    /** The fingerprint's fact naming the profile the backend's knobs followed. */
    public static final String PROFILE_FACT = "backend.profile";
    /** The fingerprint's facts of the backend's pool: the connections it held, and what the backend needed. */
    public static final String POOL_FACT = "backend.pool_connections";
    public static final String POOL_NEEDED_FACT = "backend.pool_needed";
    /** The fingerprint's fact that says whether the database kept statement statistics. */
    public static final String STATEMENTS_FACT = DatabaseMetricsPort.STATEMENTS_FACT;

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
        Objects.requireNonNull(busyPerSecond, "busy time per second is required (may be empty)");
        topStatements = List.copyOf(topStatements);
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
        return node.shareOf(nodes);
    }

    /**
     * The nodes the run was started on: this one and its worker nodes, whether or not each ran a job. Runs stored
     * before this was kept count the nodes that recorded.
     */
    public int nodesStarted() {
        String started = environment.get(NODES_FACT);
        return started == null ? (nodes.isEmpty() ? 1 : nodes.size()) : Integer.parseInt(started);
    }

    /** The nodes the run was started on that ran none of its jobs, and so recorded nothing. */
    public int nodesWithoutAJob() {
        int silent = nodesStarted() - nodes.size();
        return silent > 0 ? silent : 0;
    }

    /** How evenly the nodes shared the work ({@link NodeShare#fairness}), a node that recorded nothing counting 0. */
    public OptionalDouble fairness() {
        return NodeShare.fairness(nodes, nodesStarted());
    }

    /** The faults injected on purpose ({@code --fault}), without the outages they caused, in time order. */
    public List<RunFault> injectedFaults() {
        return faults.stream().filter(fault -> !fault.kind().equals(RunFault.DATABASE_UNREACHABLE)).toList();
    }

    /** The run's recovery from a fault at {@code at} ({@link ThroughputSeries#recoveryAfter}). */
    public Optional<Duration> throughputRecoveryAfter(Instant at) {
        return completionsPerSecond.recoveryAfter(at);
    }

    /**
     * Of the jobs missing when the run ended, those its backend still held ({@link CompletionCounts#pendingAt}).
     */
    public OptionalInt pendingJobs() {
        return completions.pendingAt(run.ending());
    }

    /** Of the jobs missing when the run ended, those lost by the backend ({@link CompletionCounts#lostAt}). */
    public OptionalInt lostJobs() {
        return completions.lostAt(run.ending());
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
        return firstCompletionAt.isEmpty() ? OptionalDouble.empty()
                : Rates.perSecond(completions.distinctCompleted(), firstCompletionAt.get(), lastCompletionAt);
    }

    /** Jobs enqueued per second over the scheduling phase (for a backlog, the enqueue rate with no worker running). */
    public OptionalDouble enqueueRate() {
        return schedulingPhase().map(phase -> Rates.perSecond(run.scheduledJobs(), phase))
                .orElse(OptionalDouble.empty());
    }

    /**
     * A backlog's drain rate: distinct completions per second from the workers' start to the last completion. Empty
     * for the other workloads, whose workers start before their jobs are enqueued.
     */
    public OptionalDouble drainRate() {
        Optional<Instant> workersStarted = run.timeline().workersStartedAt();
        if (!(run.spec().workload() instanceof Workload.Backlog) || workersStarted.isEmpty()) {
            return OptionalDouble.empty();
        }
        return Rates.perSecond(completions.distinctCompleted(), workersStarted.get(), lastCompletionAt);
    }

    /**
     * What bound the run's throughput over its drain (the workers' start to its last completion), with the numbers
     * behind the verdict ({@link Bottleneck}). Empty before a job completed, for a drain under a second, and for runs
     * stored before the workers' busy time was kept.
     */
    public Optional<Bottleneck> bottleneck() {
        Optional<Instant> from = run.timeline().workersStartedAt();
        OptionalInt workerThreads = workerThreads();
        if (from.isEmpty() || lastCompletionAt.isEmpty() || busyPerSecond.ticks() == 0 || workerThreads.isEmpty()) {
            return Optional.empty();
        }
        Workload workload = run.spec().workload();
        OptionalDouble shortfall = workload instanceof Workload.Rate rate
                ? Bottleneck.enqueueShortfall(rate.jobsPerSecond(), steadyEnqueues().map(steady ->
                        OptionalDouble.of(steady.perSecond())).orElse(OptionalDouble.empty()))
                : OptionalDouble.empty();
        return Bottleneck.of(Bottleneck.Evidence.over(from.get(), lastCompletionAt.get(), resourceSamples,
                busyPerSecond, workerThreads.getAsInt(), "qb-" + run.backend().value(),
                !workload.latencyFromWorkersStart(),
                Duration.of(pickupLag.p50(), ChronoUnit.MICROS), shortfall, dueNotFinished(), pollInterval()));
    }

    /**
     * The jobs due and not yet finished, per tenth of a second ({@link DueWork}): a delayed run's jobs come due their
     * delay after each enqueue, a backlog's all at the workers' start, a rate run's at their intended times (the
     * offered rate from the start of scheduling). Empty before anything came due.
     */
    public TickCounts dueNotFinished() {
        return DueWork.waiting(dueTicks(), completionTicks);
    }

    private TickCounts dueTicks() {
        Workload workload = run.spec().workload();
        if (workload instanceof Workload.Backlog) {
            return run.timeline().workersStartedAt().map(start -> DueWork.allAt(start, run.scheduledJobs()))
                    .orElse(TickCounts.empty(TickCounts.TENTH_OF_A_SECOND));
        }
        if (workload instanceof Workload.Rate rate) {
            return run.timeline().schedulingStartedAt()
                    .map(start -> DueWork.offered(start, rate.jobsPerSecond(), run.jobsCount()))
                    .orElse(TickCounts.empty(TickCounts.TENTH_OF_A_SECOND));
        }
        return DueWork.delayed(enqueueTicks, run.spec().jobDelay().value());
    }

    /**
     * How often the backend looks for due work, as its knobs say: {@code poll-interval} (db-scheduler, JobRunr, the
     * reference), else {@code idle-wait} (Quartz, which looks again at once while triggers are due).
     */
    private Optional<String> pollInterval() {
        return Optional.ofNullable(environment.get("backend.poll-interval"))
                .or(() -> Optional.ofNullable(environment.get("backend.idle-wait")).map(wait -> wait + " when idle"));
    }

    /** The worker threads of each node: the {@code threads} knob of its fingerprint; empty without a fingerprint. */
    public OptionalInt threadsPerNode() {
        String threads = environment.get("backend." + BackendSettings.THREADS);
        return threads == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(threads));
    }

    /**
     * The worker threads of every node the run was started on: {@link #threadsPerNode()} times
     * {@link #nodesStarted()}; empty for a run without a fingerprint.
     */
    public OptionalInt workerThreads() {
        OptionalInt threads = threadsPerNode();
        return threads.isEmpty() ? OptionalInt.empty() : OptionalInt.of(threads.getAsInt() * nodesStarted());
    }

    /** A rate run's outcome: achieved against offered rate, the backlog, and whether the backend kept up. */
    public Optional<OfferOutcome> offer() {
        Optional<Instant> offerStart = run.timeline().schedulingStartedAt();
        if (!(run.spec().workload() instanceof Workload.Rate rate) || jobsPerSecond().isEmpty() || offerStart.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(OfferOutcome.of(rate.jobsPerSecond(), rate.duration(), offerStart.get(),
                completions.distinctCompleted(), firstCompletionAt.orElseThrow(), lastCompletionAt.orElseThrow(),
                enqueuesPerSecond, completionsPerSecond));
    }
}
