package dev.queuebench.ports;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatusRule;
import dev.queuebench.domain.RunningRunGuard;
import dev.queuebench.ports.in.GetRunReportQuery;
import dev.queuebench.ports.in.ListBackendsQuery;
import dev.queuebench.ports.in.ListRunsQuery;
import dev.queuebench.ports.in.RecordJobCompletionUseCase;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.ScheduleRunUseCase;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.StartRunUseCase;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.RunLockPort;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import dev.queuebench.ports.out.PoolMetricsPort;
import dev.queuebench.ports.out.ResourceSamplePort;
import dev.queuebench.ports.out.RunEnvironmentPort;
import dev.queuebench.ports.recording.CompletionFlusher;
import dev.queuebench.ports.recording.CompletionRecorders;
import dev.queuebench.ports.resources.ResourceSampler;
import dev.queuebench.ports.service.BenchmarkRunner;
import dev.queuebench.ports.service.BenchmarkSettings;
import dev.queuebench.ports.service.RunListener;
import dev.queuebench.ports.service.QueueBackends;
import dev.queuebench.ports.service.RunReportService;
import dev.queuebench.ports.service.ScheduleRunService;
import dev.queuebench.ports.service.StartRunService;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.BackendDescriptor;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Queue Bench's core, wired: the use cases over the given ports and the registered backends, with this node's
 * completion recorder and its background flusher. Runners build one and close it on exit; so can anyone embedding
 * the benchmark.
 *
 * <pre>{@code
 * try (QueueBench bench = QueueBench.builder()
 *         .dataSource(dataSource)          // where backends keep their tables
 *         .runStore(runStore)              // LoadRunPort & SaveRunPort
 *         .snapshots(snapshotStore)
 *         .runLock(runLock)
 *         .build()) {
 *     bench.backend(BackendId.of("db-scheduler")).startWorkers();
 *     BenchmarkRun run = bench.startRun(StartRunCommand.of("db-scheduler", 10_000));
 *     ...
 * }
 * }</pre>
 */
public final class QueueBench implements StartRunUseCase, GetRunReportQuery, ListRunsQuery, ListBackendsQuery,
        AutoCloseable {

    private final QueueBackends backends;
    private final StartRunService startRuns;
    private final RunReportService reports;
    private final ScheduleRunService scheduler;
    private final CompletionRecorders recorders;
    private final CompletionFlusher flusher;
    private final BenchmarkSettings settings;
    private final BenchmarkRunner runner;
    private final ResourceSampler sampler;

    private QueueBench(Builder builder) {
        Clock clock = builder.clock;
        this.settings = builder.settings;
        RunStatusRule statusRule = new RunStatusRule(clock, settings.stallTimeout());
        this.recorders = new CompletionRecorders(settings.nodeId(), builder.loadRuns, builder.snapshots);
        this.flusher = new CompletionFlusher(recorders, builder.snapshots, builder.loadRuns, builder.saveRuns, clock,
                settings.flushInterval());
        // Backends are created before the scheduler exists; their jobs reach it through this reference.
        ScheduleRunUseCase scheduling = this::scheduleRun;
        Map<BackendId, BackendSettings> backendSettings = Map.copyOf(builder.backendSettings);
        Function<BackendId, DataSource> dataSources = builder.dataSources;
        this.backends = new QueueBackends(builder.providers, id -> new BackendContext(dataSources.apply(id), clock,
                backendSettings.getOrDefault(id, BackendSettings.none()), scheduling, recorders,
                RetryPolicy.standard()));
        this.sampler = new ResourceSampler(builder.poolMetrics, builder.databaseMetrics, builder.resourceSamples,
                builder.loadRuns, builder.snapshots, statusRule, clock, settings.flushInterval());
        this.scheduler = new ScheduleRunService(backends, builder.loadRuns, builder.saveRuns, builder.snapshots,
                builder.runLock, new RunningRunGuard(statusRule), recorders, sampler, clock, System::nanoTime,
                settings);
        this.startRuns = new StartRunService(backends, builder.saveRuns, builder.environments,
                builder.databaseMetrics, builder.environmentFacts, clock);
        this.reports = new RunReportService(builder.loadRuns, builder.snapshots, builder.environments,
                builder.resourceSamples, statusRule);
        this.runner = new BenchmarkRunner(backends, startRuns, reports, builder.loadRuns, builder.saveRuns,
                builder.snapshots, flusher, sampler, statusRule);
        flusher.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public BenchmarkRun startRun(StartRunCommand command) {
        return startRuns.startRun(command);
    }

    /**
     * Runs one benchmark to its final report: empties the backend's tables (unless another run is active:
     * then the run waits for it), starts the backend's workers, starts the run, waits until it finished or stalled,
     * and stops the workers.
     */
    public RunReport runToEnd(StartRunCommand command, RunListener listener) {
        return runner.runToEnd(command, listener);
    }

    /**
     * Runs discarded warm-ups and then the trials of one benchmark, each from clean tables, and returns the trials
     * with their statistics.
     *
     * @throws dev.queuebench.ports.in.ActiveRunException when another run is scheduling or running
     */
    public TrialResult runTrials(StartRunCommand command, int warmups, int trials, RunListener listener) {
        return runner.runTrials(command, warmups, trials, listener);
    }

    /**
     * Like {@link #runToEnd}, for benchmarks that need the database to itself.
     *
     * @throws dev.queuebench.ports.in.ActiveRunException when another run is scheduling or running
     */
    public RunReport runToEndFromCleanTables(StartRunCommand command, RunListener listener) {
        return runner.runToEndFromCleanTables(command, listener);
    }

    @Override
    public Optional<RunReport> runReport(RunId runId) {
        return reports.runReport(runId);
    }

    @Override
    public List<RunReport> listRuns(RunListFilter filter) {
        return reports.listRuns(filter);
    }

    @Override
    public List<BackendDescriptor> backends() {
        return backends.backends();
    }

    /** The registered backend's provider, for its options; throws for an unknown id without creating anything. */
    public QueueBackendProvider provider(BackendId id) {
        return backends.provider(id);
    }

    /** The backend, created (tables prepared) on first use. */
    public QueueBackend backend(BackendId id) {
        return backends.backend(id);
    }

    public ScheduleRunUseCase scheduleRunUseCase() {
        return scheduler;
    }

    private void scheduleRun(RunId runId) {
        scheduler.scheduleRun(runId);
    }

    public RecordJobCompletionUseCase recordJobCompletionUseCase() {
        return recorders;
    }

    public BenchmarkSettings settings() {
        return settings;
    }

    /** Persists what this node recorded so far, now rather than at the next interval. */
    public void flushCompletions() {
        flusher.flush();
    }

    /** Stops every backend's workers, flushes the recorders one last time and releases the backends. */
    @Override
    public void close() {
        try {
            backends.close();
        } finally {
            sampler.close();
            flusher.close();
        }
    }

    /** Wires a {@link QueueBench}. Ports are required; the rest has defaults. */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();
        private Function<BackendId, DataSource> dataSources;
        private LoadRunPort loadRuns;
        private SaveRunPort saveRuns;
        private CompletionSnapshotPort snapshots;
        private RunLockPort runLock;
        private RunEnvironmentPort environments = NoStorage.ENVIRONMENTS;
        private ResourceSamplePort resourceSamples = NoStorage.RESOURCE_SAMPLES;
        private PoolMetricsPort poolMetrics = List::of;
        private DatabaseMetricsPort databaseMetrics = NoStorage.DATABASE_METRICS;
        private Map<String, String> environmentFacts = Map.of();
        private BenchmarkSettings settings = BenchmarkSettings.defaults();
        private List<QueueBackendProvider> providers;
        private final Map<BackendId, BackendSettings> backendSettings = new HashMap<>();

        private Builder() {
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock is required");
            return this;
        }

        /** The PostgreSQL database every backend keeps its tables in. */
        public Builder dataSource(DataSource dataSource) {
            Objects.requireNonNull(dataSource, "data source is required");
            return backendDataSources(id -> dataSource);
        }

        /** A data source per backend, e.g. a connection pool of its own; asked once, when the backend is created. */
        public Builder backendDataSources(Function<BackendId, DataSource> dataSources) {
            this.dataSources = Objects.requireNonNull(dataSources, "data sources are required");
            return this;
        }

        public <S extends LoadRunPort & SaveRunPort> Builder runStore(S store) {
            return runStore(store, store);
        }

        public Builder runStore(LoadRunPort loadRuns, SaveRunPort saveRuns) {
            this.loadRuns = Objects.requireNonNull(loadRuns, "load-run port is required");
            this.saveRuns = Objects.requireNonNull(saveRuns, "save-run port is required");
            return this;
        }

        public Builder snapshots(CompletionSnapshotPort snapshots) {
            this.snapshots = Objects.requireNonNull(snapshots, "snapshot port is required");
            return this;
        }

        public Builder runLock(RunLockPort runLock) {
            this.runLock = Objects.requireNonNull(runLock, "run lock port is required");
            return this;
        }

        /** Where run fingerprints are kept; without it, runs have none. */
        public Builder environments(RunEnvironmentPort environments) {
            this.environments = Objects.requireNonNull(environments, "environment port is required");
            return this;
        }

        /** Where resource samples are kept; without it, nothing is sampled. */
        public Builder resourceSamples(ResourceSamplePort resourceSamples) {
            this.resourceSamples = Objects.requireNonNull(resourceSamples, "resource sample port is required");
            return this;
        }

        public Builder poolMetrics(PoolMetricsPort poolMetrics) {
            this.poolMetrics = Objects.requireNonNull(poolMetrics, "pool metrics port is required");
            return this;
        }

        public Builder databaseMetrics(DatabaseMetricsPort databaseMetrics) {
            this.databaseMetrics = Objects.requireNonNull(databaseMetrics, "database metrics port is required");
            return this;
        }

        /** Facts only the runner knows, for fingerprints: {@code queue_bench.version}, {@code database.kind}, ... */
        public Builder environmentFacts(Map<String, String> environmentFacts) {
            this.environmentFacts = Map.copyOf(Objects.requireNonNull(environmentFacts, "facts are required"));
            return this;
        }

        public Builder settings(BenchmarkSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings are required");
            return this;
        }

        /** The backends to register; by default every one {@link java.util.ServiceLoader} finds. */
        public Builder providers(List<QueueBackendProvider> providers) {
            this.providers = List.copyOf(providers);
            return this;
        }

        public Builder backendSettings(BackendId backend, BackendSettings backendSettings) {
            this.backendSettings.put(Objects.requireNonNull(backend, "backend id is required"),
                    Objects.requireNonNull(backendSettings, "backend settings are required"));
            return this;
        }

        public QueueBench build() {
            Objects.requireNonNull(dataSources, "a data source is required: backends keep their tables in it");
            Objects.requireNonNull(loadRuns, "a run store is required");
            Objects.requireNonNull(snapshots, "a snapshot store is required");
            Objects.requireNonNull(runLock, "a run lock is required");
            if (providers == null) {
                providers = QueueBackends.discover();
            }
            return new QueueBench(this);
        }
    }
}
