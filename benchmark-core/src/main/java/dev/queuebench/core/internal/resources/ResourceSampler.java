package dev.queuebench.core.internal.resources;

import dev.queuebench.core.internal.recording.BackgroundTask;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunActivity;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatusRule;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.StatementCounters;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.PoolMetricsPort;
import dev.queuebench.ports.out.ResourceSamplePort;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples JVM, pools and PostgreSQL about once a second for each run this node schedules, from the start of its
 * scheduling until it finished or stalled, and stores every sample with the run; at its end, stores the statements
 * that took the database's time in between.
 */
public final class ResourceSampler implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ResourceSampler.class.getName());

    private final JvmMetrics jvm = new JvmMetrics();
    private final PoolMetricsPort pools;
    private final DatabaseMetricsPort database;
    private final ResourceSamplePort samples;
    private final LoadRunPort runs;
    private final CompletionSnapshotPort snapshots;
    private final RunStatusRule statusRule;
    private final Clock clock;
    private final Map<RunId, Tracked> tracked = new ConcurrentHashMap<>();
    private final BackgroundTask background;

    public ResourceSampler(PoolMetricsPort pools, DatabaseMetricsPort database, ResourceSamplePort samples,
                           LoadRunPort runs, CompletionSnapshotPort snapshots, RunStatusRule statusRule, Clock clock,
                           Duration interval) {
        this.pools = Objects.requireNonNull(pools, "pool metrics port is required");
        this.database = Objects.requireNonNull(database, "database metrics port is required");
        this.samples = Objects.requireNonNull(samples, "resource sample port is required");
        this.runs = Objects.requireNonNull(runs, "load-run port is required");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshot port is required");
        this.statusRule = Objects.requireNonNull(statusRule, "status rule is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.background = new BackgroundTask("qb-resource-sampler",
                Objects.requireNonNull(interval, "interval is required"), this::sampleAll);
    }

    /**
     * Samples the run from now on, with the given backend tables' rows and size; the first sample comes one interval
     * later, so that its CPU figure covers the run and not the idle time before it.
     */
    public void track(RunId runId, List<String> backendTables) {
        jvm.startCpuWindow();
        tracked.put(runId, new Tracked(List.copyOf(backendTables), statementsQuietly()));
        background.start();
    }

    /** Takes one sample of every tracked run, and stops tracking those that ended. */
    public void sampleAll() {
        tracked.forEach((runId, run) -> {
            sampleQuietly(runId, run.tables);
            if (hasEnded(runId) && tracked.remove(runId, run)) {
                saveStatementsQuietly(runId, run);
            }
        });
    }

    /**
     * Takes an ended run's last sample now rather than at the next tick, and stops tracking it, so that a report read
     * next has it: a run shorter than the interval has no other sample. Nothing happens for a run not tracked here.
     */
    public void finish(RunId runId) {
        Tracked run = tracked.remove(runId);
        if (run != null) {
            sampleQuietly(runId, run.tables);
            saveStatementsQuietly(runId, run);
        }
    }

    public boolean isTracking(RunId runId) {
        return tracked.containsKey(runId);
    }

    private void sampleQuietly(RunId runId, List<String> tables) {
        try {
            samples.saveSample(runId, new ResourceSample(clock.instant(), jvm.sample(), pools.samplePools(),
                    database.sample(tables)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sampling resources of run " + runId + " failed", e);
        }
    }

    private StatementCounters statementsQuietly() {
        try {
            return database.statements();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading the database's statement statistics failed", e);
            return StatementCounters.NONE;
        }
    }

    private void saveStatementsQuietly(RunId runId, Tracked run) {
        if (run.statementsAtStart == StatementCounters.NONE) {
            return;
        }
        try {
            samples.saveStatements(runId, statementsQuietly().since(run.statementsAtStart, run.tables));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "storing the statements of run " + runId + " failed", e);
        }
    }

    private boolean hasEnded(RunId runId) {
        Optional<BenchmarkRun> run = runs.loadRun(runId);
        if (run.isEmpty() || run.get().isFinished()) {
            return true;
        }
        RunActivity activity = RunActivity.of(run.get(), snapshots.lastProgressAt(List.of(runId)).get(runId));
        return !statusRule.isRunning(activity);
    }

    private record Tracked(List<String> tables, StatementCounters statementsAtStart) {
    }

    @Override
    public void close() {
        background.close();
    }
}
