package dev.queuebench.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunEnding;
import dev.queuebench.domain.SteadyState;
import dev.queuebench.domain.Workload;
import dev.queuebench.domain.measure.Bottleneck;
import dev.queuebench.domain.measure.LatencySummary;
import dev.queuebench.domain.measure.NodeShare;
import dev.queuebench.domain.measure.OfferOutcome;
import dev.queuebench.domain.measure.ResourceSummary;
import dev.queuebench.domain.measure.StatementTime;
import dev.queuebench.domain.measure.ResourceSummary.Counter;
import dev.queuebench.domain.measure.ResourceSummary.Gauge;
import dev.queuebench.domain.measure.ThroughputSeries;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.in.RunReport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One run as JSON, the same object wherever it is printed ({@code run}, {@code show}, {@code list},
 * {@code /api/runs}). Keys are snake_case, like the original harness's columns; {@code profile} names whose advice the
 * backend's knobs followed ({@code shipped} or {@code tuned}) and {@code pool} its connection pool; a missing time or duration is
 * {@code null} ("Pending"); latencies are milliseconds with microsecond precision, {@code null} without samples;
 * {@code fingerprint} says what the run ran on (versions, machine, database settings, backend knobs);
 * {@code end_reason} says why a run ended unfinished (stalled or interrupted); of its {@code missing_jobs},
 * {@code pending_jobs} were still held by the backend when it ended and {@code lost_jobs} were not ({@code null}:
 * not counted); {@code faults} lists what it met (outages ridden out, faults injected on purpose);
 * {@code nodes} says what each node that recorded did (its share of the executions), {@code nodes_started} how many
 * the run was started on (a node that ran none of its jobs records nothing), and {@code fairness} is the smallest share
 * over the largest, 0 when a node ran nothing ({@code null} for one node).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunJson(
        long id,
        String backend,
        String profile,
        Pool pool,
        int jobsCount,
        String schedulingMode,
        long jobDelayMs,
        WorkloadJson workload,
        String jobWork,
        int payloadBytes,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant schedulingStartedAt,
        Instant schedulingFinishedAt,
        Instant runFinishedAt,
        Instant workersStartedAt,
        Long schedulingDurationMs,
        Long runDurationMs,
        Long lockWaitMs,
        Long schedulingPhaseMs,
        Long drainingMs,
        String status,
        Instant endedAt,
        String endReason,
        int scheduledJobs,
        int completedJobs,
        long executions,
        long duplicateExecutions,
        int missingJobs,
        Integer pendingJobs,
        Integer lostJobs,
        Double jobsPerSecond,
        Double enqueueRate,
        Double drainRate,
        Steady steady,
        Offer offer,
        BottleneckJson bottleneck,
        List<Statement> topStatements,
        Latency pickupLagMs,
        Latency endToEndMs,
        Latency enqueueLatencyMs,
        Series completionsPerSecond,
        Series enqueuesPerSecond,
        ResourceSummary resources,
        Faults faults,
        int nodesStarted,
        List<Node> nodes,
        Double fairness,
        Map<String, String> fingerprint) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addMixIn(ResourceSummary.class, ResourceSummaryJson.class)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /**
     * What a run cost the machine, sampled about once a second: the summary itself, gauges as {@code peak} and
     * {@code mean}, counters as {@code increase} over the sampled window and {@code per_second}; {@code null} when
     * nothing was sampled.
     */
    public static ResourceSummary sampled(ResourceSummary summary) {
        return summary.samples() == 0 ? null : summary;
    }

    /** How a {@link ResourceSummary} is written: its window and GC time in milliseconds. */
    abstract static class ResourceSummaryJson {
        @JsonProperty("window_ms")
        @JsonSerialize(using = Millis.class)
        abstract Duration window();

        @JsonProperty("gc_time_ms")
        abstract Counter gcTimeMillis();
    }

    /** A duration as its whole milliseconds. */
    static final class Millis extends StdSerializer<Duration> {
        Millis() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeNumber(value.toMillis());
        }
    }

    /** The object mapper that writes run JSON: snake_case keys, ISO-8601 times. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static RunJson of(RunReport report) {
        BenchmarkRun run = report.run();
        CompletionCounts counts = report.completions();
        return new RunJson(
                run.id().value(),
                run.backend().value(),
                report.profile().map(Profile::wireName).orElse(null),
                report.pool().map(Pool::of).orElse(null),
                run.jobsCount(),
                run.spec().schedulingMode().wireName(),
                run.spec().jobDelay().value().toMillis(),
                WorkloadJson.of(run.spec().workload()),
                run.spec().jobWork().workText(),
                run.spec().jobWork().payloadBytes(),
                run.timeline().createdAt(),
                run.timeline().updatedAt(),
                run.timeline().submittedAt().orElse(null),
                run.timeline().schedulingStartedAt().orElse(null),
                run.timeline().schedulingFinishedAt().orElse(null),
                run.timeline().runFinishedAt().orElse(null),
                run.timeline().workersStartedAt().orElse(null),
                millis(report.schedulingDuration()),
                millis(report.runDuration()),
                millis(report.lockWaitPhase()),
                millis(report.schedulingPhase()),
                millis(report.drainingPhase()),
                report.status().wireName(),
                run.ending().map(RunEnding::at).orElse(null),
                run.ending().map(RunEnding::reason).orElse(null),
                run.scheduledJobs(),
                counts.distinctCompleted(),
                counts.executions(),
                counts.duplicateExecutions(),
                counts.missingJobs(),
                integer(report.pendingJobs()),
                integer(report.lostJobs()),
                rate(report.jobsPerSecond()),
                rate(report.enqueueRate()),
                rate(report.drainRate()),
                Steady.of(report),
                report.offer().map(Offer::of).orElse(null),
                report.bottleneck().map(BottleneckJson::of).orElse(null),
                report.topStatements().stream().map(Statement::of).toList(),
                Latency.of(report.pickupLag()),
                Latency.of(report.endToEnd()),
                Latency.of(report.enqueueLatency()),
                Series.of(report.completionsPerSecond()),
                Series.of(report.enqueuesPerSecond()),
                sampled(report.resources()),
                Faults.of(report),
                report.nodesStarted(),
                report.nodes().stream().map(node -> Node.of(report, node)).toList(),
                report.fairness().isPresent() ? round(report.fairness().getAsDouble(), 3) : null,
                report.environment());
    }

    /** A rate as run objects give it: one decimal, {@code null} when there is none. */
    static Double rate(OptionalDouble rate) {
        return rate.isPresent() ? round(rate.getAsDouble(), 1) : null;
    }

    private static Long millis(Optional<Duration> duration) {
        return duration.map(Duration::toMillis).orElse(null);
    }

    private static Integer integer(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /**
     * The backend's connection pool: the connections it held, how many the backend needed with its settings, and
     * whether it held fewer (asked for on purpose: the figures then measure the pool too).
     */
    public record Pool(int connections, int needed, boolean belowNeed) {

        static Pool of(RunReport.Pool pool) {
            return new Pool(pool.connections(), pool.needed(), pool.isShort());
        }
    }

    /**
     * The run where it was steady: its completions per second over the middle 80% of them ({@code rate}, from
     * {@code from} to {@code to}; {@code drift} is how much faster the last quarter of it went than the first, as a
     * share; {@code longest_pause_ms} its longest stretch without a completion), its enqueues likewise ({@code enqueue_rate}), and what lies outside: from the
     * workers' start to the first completion ({@code start_up_ms}) and from the end of the middle to the last one
     * ({@code tail_ms}). {@code null} parts are too short or empty to tell.
     */
    public record Steady(Double rate, Instant from, Instant to, Long windowMs, Double drift, Long longestPauseMs,
                         Double enqueueRate, Long startUpMs, Long tailMs) {

        static Steady of(RunReport report) {
            Optional<SteadyState> completions = report.steadyCompletions();
            Double enqueueRate = report.steadyEnqueues().map(steady -> round(steady.perSecond(), 1)).orElse(null);
            if (completions.isEmpty() && enqueueRate == null) {
                return null;
            }
            return new Steady(completions.map(steady -> round(steady.perSecond(), 1)).orElse(null),
                    completions.map(SteadyState::from).orElse(null), completions.map(SteadyState::to).orElse(null),
                    completions.map(steady -> steady.window().toMillis()).orElse(null),
                    completions.map(steady -> round(steady.drift(), 3)).orElse(null),
                    completions.map(steady -> steady.longestPause().toMillis()).orElse(null), enqueueRate,
                    millis(report.startUp()), millis(report.tail()));
        }
    }

    /** What one node did: the distinct jobs it completed, its executions, and their share of the run's. */
    public record Node(String node, int completedJobs, long executions, double share) {

        static Node of(RunReport report, NodeShare node) {
            return new Node(node.node().value(), node.completedJobs(), node.executions(),
                    round(report.shareOf(node), 3));
        }
    }

    /** Which workload ran: its name, and for {@code rate} the offer (jobs per second, for how long). */
    public record WorkloadJson(String name, Double rate, Long durationMs) {

        static WorkloadJson of(Workload workload) {
            if (workload instanceof Workload.Rate offer) {
                return new WorkloadJson(workload.wireName(), offer.jobsPerSecond(), offer.duration().toMillis());
            }
            return new WorkloadJson(workload.wireName(), null, null);
        }
    }

    /**
     * What bound the run over its drain, and the evidence: the cores busy (the machine's, this process's and the
     * PostgreSQL server's where it runs on this machine, 0 to 1),
     * the worker threads (every node's) and their occupancy, threads waiting for a connection of the backend's pool,
     * sessions waiting on locks, the median pickup lag, the jobs due and not finished (median over the drain) and how
     * often the backend polls, as its knobs say ({@code null} where it has no such knob).
     */
    public record BottleneckJson(String kind, String summary, Double hostCpu, Double processCpu, Double serverCpu,
                                 int workerThreads,
                                 double occupancy, long busyMs, long drainMs, String pool, double poolWaitingMean,
                                 double poolWaitingPeak, double lockWaitsMean, long medianPickupLagMs,
                                 double dueWaitingMedian, String pollInterval) {

        static BottleneckJson of(Bottleneck bottleneck) {
            Bottleneck.Evidence evidence = bottleneck.evidence();
            return new BottleneckJson(bottleneck.kind().wireName(), bottleneck.summary(),
                    share(evidence.hostCpu()), share(evidence.processCpu()), share(evidence.serverCpu()),
                    evidence.workerThreads(),
                    round(evidence.occupancy(), 3), evidence.busy().toMillis(), evidence.drain().toMillis(),
                    evidence.pool(), round(evidence.poolWaiting(), 2), evidence.poolWaitingPeak(),
                    round(evidence.lockWaits(), 2), evidence.medianPickupLag().toMillis(),
                    round(evidence.dueWaiting(), 1), evidence.pollInterval().orElse(null));
        }

        private static Double share(OptionalDouble value) {
            return value.isPresent() ? round(value.getAsDouble(), 3) : null;
        }
    }

    /**
     * One of the statements that took the database's time during the run, normalized by {@code pg_stat_statements}:
     * {@code source} is {@code backend} for those naming one of the backend's tables, {@code harness} for the others.
     */
    public record Statement(String source, String query, long calls, double totalMs, double meanMs, long rows) {

        static Statement of(StatementTime statement) {
            return new Statement(statement.backend() ? "backend" : "harness", statement.query(), statement.calls(),
                    round(statement.totalMillis(), 1), round(statement.meanMillis(), 3), statement.rows());
        }
    }

    /** A rate run's outcome: offered against achieved rate, the backlog, and whether the backend kept up. */
    public record Offer(double offeredRate, double achievedRate, long maxBacklog, boolean backlogBounded,
                        boolean keptUp) {

        static Offer of(OfferOutcome outcome) {
            return new Offer(outcome.offeredRate(), round(outcome.achievedRate(), 1), outcome.maxBacklog(),
                    outcome.backlogBounded(), outcome.keptUp());
        }
    }

    /** Percentiles in milliseconds; {@code p999} is the 99.9th. */
    public record Latency(long count, double min, double p50, double p90, double p95, double p99, double p999,
                          double max) {

        static Latency of(LatencySummary summary) {
            if (summary.isEmpty()) {
                return null;
            }
            return new Latency(summary.count(), ms(summary.min()), ms(summary.p50()), ms(summary.p90()),
                    ms(summary.p95()), ms(summary.p99()), ms(summary.p999()), ms(summary.max()));
        }

        private static double ms(long micros) {
            return micros / 1_000.0;
        }
    }

    /**
     * The faults a run rode out: how many, how long the database was unreachable in all, and each one. Always present,
     * so that "none" reads as {@code count: 0}.
     */
    public record Faults(int count, long databaseUnreachableMs, List<Fault> list) {

        static Faults of(RunReport report) {
            return new Faults(report.faults().size(), report.databaseUnreachable().toMillis(),
                    report.faults().stream().map(fault -> Fault.of(fault, report)).toList());
        }
    }

    /**
     * One fault: what, when, for how long, seen by or hitting which node, what it caused or did, whether what it
     * took away came back before the run ended, and (for a fault injected on purpose) how long until the run's
     * completions per second were back to 90% of their rate before it ({@code null}: not before the run's end).
     */
    public record Fault(String kind, Instant startedAt, Instant endedAt, long durationMs, String node, String detail,
                        boolean recovered, Long throughputBackAfterMs) {

        static Fault of(RunFault fault, RunReport report) {
            Long throughputBack = fault.kind().equals(RunFault.DATABASE_UNREACHABLE) ? null
                    : report.throughputRecoveryAfter(fault.startedAt()).map(Duration::toMillis).orElse(null);
            return new Fault(fault.kind(), fault.startedAt(), fault.endedAt(), fault.duration().toMillis(), fault.node(),
                    fault.detail(), fault.recovered(), throughputBack);
        }
    }

    /** Events per second from {@code start}, one count per second. */
    public record Series(Instant start, int[] counts) {

        static Series of(ThroughputSeries series) {
            if (series.seconds() == 0) {
                return null;
            }
            return new Series(Instant.ofEpochSecond(series.startEpochSecond()), series.counts());
        }
    }
}
