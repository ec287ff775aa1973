package dev.queuebench.core;

import dev.queuebench.core.internal.service.CoreServices;
import dev.queuebench.core.internal.service.QueueBackends;
import dev.queuebench.core.memory.InMemorySweepStore;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSizing;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.BackendSetup;
import dev.queuebench.ports.in.BackgroundSweep;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.in.CompareListener;
import dev.queuebench.ports.in.ComparePlan;
import dev.queuebench.ports.in.CompareUseCase;
import dev.queuebench.ports.in.Comparison;
import dev.queuebench.ports.in.GetRunReportQuery;
import dev.queuebench.ports.in.ListBackendsQuery;
import dev.queuebench.ports.in.ListRunsQuery;
import dev.queuebench.ports.in.RunLatencies;
import dev.queuebench.ports.in.RunLatenciesQuery;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.ServeWorkersUseCase;
import dev.queuebench.ports.in.StartBenchmarkUseCase;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.SizedRun;
import dev.queuebench.ports.in.StartRunUseCase;
import dev.queuebench.ports.in.SweepResult;
import dev.queuebench.ports.in.SweepUseCase;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.in.UnknownBackendException;
import dev.queuebench.ports.out.BackendDataSourcePort;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.DatabaseControlPort;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.NodeLeasePort;
import dev.queuebench.ports.out.PersistentStores;
import dev.queuebench.ports.out.PoolMetricsPort;
import dev.queuebench.ports.out.ResourceSamplePort;
import dev.queuebench.ports.out.RunEnvironmentPort;
import dev.queuebench.ports.out.RunFaultPort;
import dev.queuebench.ports.out.RunLockPort;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.out.SchemaMigrationPort;
import dev.queuebench.ports.out.SweepStorePort;
import dev.queuebench.ports.out.WorkerNodesPort;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * Queue Bench's core, wired: the use cases over the given ports and the registered backends, with this node's
 * completion recorder, its background flusher and its run supervisor. Runners build one and close it on exit; so can
 * anyone embedding the benchmark. A complete program ({@code examples/embedding}):
 *
 * <pre>{@code
 * try (QueueBench bench = QueueBench.builder()
 *         .dataSource(dataSource)                    // a PostgreSQL: the backend keeps its tables there
 *         .runStore(new InMemoryRunStore())          // Queue Bench's own records: in memory here,
 *         .snapshots(new InMemorySnapshotStore())    // or .stores(JpaPersistence.open(pool).stores())
 *         .runLock(new InMemoryRunLock())
 *         .schemaMigrations(new FlywayMigrations())  // creates the backend's tables
 *         .build()) {
 *     RunReport report = bench.runToEnd(StartRunCommand.of("db-scheduler", 10_000), RunListener.SILENT);
 *     System.out.println(report.status() + ", " + report.jobsPerSecond().orElse(0) + " jobs/s");
 * }
 * }</pre>
 *
 * <p>The backends are those {@link java.util.ServiceLoader} finds on the classpath (each adapter module registers
 * one), unless {@link Builder#providers} names them. Ports left out keep nothing ({@link Builder}).
 */
public final class QueueBench implements StartRunUseCase, StartBenchmarkUseCase, GetRunReportQuery, ListRunsQuery,
        RunLatenciesQuery, ListBackendsQuery, SweepUseCase, CompareUseCase, ServeWorkersUseCase, AutoCloseable {

    /**
     * Connections Queue Bench's own enqueuing holds in a backend's pool, beside what the backend needs: a rate run's
     * enqueuers, one call each under way.
     */
    public static final int ENQUEUER_CONNECTIONS = QueueBackends.ENQUEUER_CONNECTIONS;

    private final CoreServices core;
    private final BenchmarkSettings settings;

    private QueueBench(Builder builder) {
        this.settings = builder.settings;
        this.core = new CoreServices(new CoreServices.Ports(builder.dataSources, builder.loadRuns, builder.saveRuns,
                builder.snapshots, builder.runLock, builder.nodeLeases, builder.runFaults, builder.environments,
                builder.resourceSamples, builder.poolMetrics, builder.databaseMetrics,
                builder.schemaMigrations, builder.sweeps, builder.workerNodes, builder.databaseControl),
                builder.providers,
                Map.copyOf(builder.backendSettings), builder.environmentFacts, settings, builder.journals,
                builder.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The backends on the classpath (listed in {@code META-INF/services}), with their knobs, without creating any:
     * for checking a user's choice before anything is opened.
     */
    public static List<AvailableBackend> availableBackends() {
        return QueueBackends.discover().stream()
                .map(QueueBackends::available)
                .toList();
    }

    /**
     * How a backend on the classpath would run with these settings (its profile, knobs in effect and pool), without
     * creating it: for checking a user's knobs and pool before anything is opened.
     *
     * @param poolSize the pool as the user sized it; empty to size it from what the backend needs
     * @throws UnknownBackendException  for a backend that is not on the classpath
     * @throws IllegalArgumentException for a knob the backend does not declare, or a value that does not fit
     */
    public static BackendSetup setupOf(BackendId backend, BackendSettings settings, OptionalInt poolSize) {
        List<QueueBackendProvider> providers = QueueBackends.discover();
        QueueBackendProvider provider = providers.stream()
                .filter(candidate -> candidate.descriptor().id().equals(backend))
                .findFirst()
                .orElseThrow(() -> new UnknownBackendException(backend,
                        providers.stream().map(candidate -> candidate.descriptor().id()).toList()));
        return QueueBackends.setupOf(provider, settings, poolSize);
    }

    /** How this core runs the backend with its current settings: its profile, knobs in effect and pool. */
    public BackendSetup setupOf(BackendId backend) {
        return core.backends().setupOf(backend);
    }

    /**
     * Creates a run and submits its scheduling job at once, as the original harness's button did: the run waits for
     * its turn in the backend's queue, and a worker of the backend (in any process) schedules it. Nothing clears the
     * tables or starts workers: {@link #runToEnd} does.
     */
    @Override
    public BenchmarkRun startRun(StartRunCommand command) {
        return core.startRuns().startRun(command);
    }

    /**
     * Runs one benchmark to its final report: waits for the run's turn, empties the backend's tables as if new (unless
     * another run's jobs are in them), starts the backend's workers, submits the run, waits until it finished or
     * ended, and stops the workers.
     */
    public RunReport runToEnd(StartRunCommand command, RunListener listener) {
        return core.runner().runToEnd(command, listener);
    }

    /**
     * Like {@link #runToEnd}, in the background: returns the pending run at once. Runs started this way are driven one
     * after the other, in the order they were started.
     */
    @Override
    public BenchmarkRun startBenchmark(StartRunCommand command) {
        return core.runner().runInBackground(command);
    }

    /**
     * Runs discarded warm-ups and then the trials of one benchmark, each in its turn and from clean tables, and
     * returns the trials with their statistics.
     */
    public TrialResult runTrials(StartRunCommand command, int warmups, int trials, RunListener listener) {
        return core.runner().runTrials(command, warmups, trials, listener);
    }

    /**
     * The same for a benchmark sized by time ({@link #sizedToLast}): a warm-up whose steady window fell short of the
     * sizing's minimum sizes the kept runs again from its own rate. Without a sizing, the same as
     * {@link #runTrials(StartRunCommand, int, int, RunListener)}.
     */
    public TrialResult runTrials(StartRunCommand command, Optional<RunSizing> sizing, int warmups, int trials,
                                 RunListener listener) {
        return core.runner().runTrials(command, sizing, warmups, trials, listener);
    }

    /**
     * The same benchmark sized by time: as many jobs as make its steady window (the middle 80% of its completions)
     * last at least the sizing's minimum on this backend, read from discarded calibration runs. For the delayed and
     * the backlog workload (a rate is sized by its duration).
     *
     * @return the sized benchmark, or none when a calibration run did not finish (its report says why)
     * @throws IllegalArgumentException for a rate workload
     */
    public SizedRun sizedToLast(StartRunCommand command, RunSizing sizing, RunListener listener) {
        if (!command.spec().workload().sizedByTime()) {
            throw new IllegalArgumentException("a rate run lasts its duration: size it with --duration, not by a"
                    + " minimum duration");
        }
        return core.runner().sizedToLast(command, sizing, listener);
    }

    @Override
    public Optional<RunReport> runReport(RunId runId) {
        return core.reports().runReport(runId);
    }

    @Override
    public Optional<RunLatencies> latencies(RunId runId) {
        return core.reports().latencies(runId);
    }

    @Override
    public List<RunReport> listRuns(RunListFilter filter) {
        return core.reports().listRuns(filter);
    }

    @Override
    public List<BackendDescriptor> backends() {
        return core.backends().backends();
    }

    /**
     * Runs a sweep on this thread: each point is a run driven as {@link #runToEnd} drives one, in its turn. A thread
     * sweep gives the backend each thread count in turn, and its knobs back at the end.
     */
    @Override
    public SweepResult runSweep(SweepPlan plan, RunListener listener) {
        return core.sweeps().runSweep(plan, listener);
    }

    /**
     * Compares on this thread: each backend in each profile on each node count in turn, every run driven as
     * {@link #runToEnd} drives one, in its turn. Extra nodes come from the {@link Builder#workerNodes} port, and the
     * database faults go through the {@link Builder#databaseControl} port.
     */
    @Override
    public Comparison compare(ComparePlan plan, CompareListener listener) {
        return core.compare().compare(plan, listener);
    }

    /** The same in the background, after the runs this node started before it: the page's comparisons. */
    @Override
    public CompletableFuture<Comparison> compareInBackground(ComparePlan plan, CompareListener listener) {
        return core.compare().compareInBackground(plan, listener);
    }

    @Override
    public BackgroundSweep sweepInBackground(SweepPlan plan, RunListener listener) {
        return core.sweeps().sweepInBackground(plan, listener);
    }

    @Override
    public Optional<SweepResult> sweep(SweepId id) {
        return core.sweeps().sweep(id);
    }

    @Override
    public List<SweepResult> listSweeps(int limit) {
        return core.sweeps().listSweeps(limit);
    }

    @Override
    public Map<RunId, SweepId> sweepsOf(List<RunId> runs) {
        return core.sweeps().sweepsOf(runs);
    }

    @Override
    public boolean workersRunning(BackendId id) {
        return core.backends().workersRunning(id);
    }

    @Override
    public void serveWorkers(BackendId id) {
        core.backends().backend(id).startWorkers();
    }

    /**
     * The backend itself, created (its tables migrated) on first use: for the backend contract suite and tools that
     * test a backend. Runners never call it (an architecture rule checks): they go through the use cases.
     */
    public QueueBackend backend(BackendId id) {
        return core.backends().backend(id);
    }

    public BenchmarkSettings settings() {
        return settings;
    }

    /**
     * Stops the run driven in the background, every backend's workers, ends this node's runs that are still active,
     * gives up its lease and flushes the recorders one last time.
     */
    @Override
    public void close() {
        core.close();
    }

    /** Wires a {@link QueueBench}. Ports are required; the rest has defaults. */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();
        private BackendDataSourcePort dataSources;
        private LoadRunPort loadRuns;
        private SaveRunPort saveRuns;
        private CompletionSnapshotPort snapshots;
        private RunLockPort runLock;
        private NodeLeasePort nodeLeases = NoStorage.NODE_LEASES;
        private RunFaultPort runFaults = NoStorage.RUN_FAULTS;
        private SchemaMigrationPort schemaMigrations = NoStorage.SCHEMA_MIGRATIONS;
        private SweepStorePort sweeps = new InMemorySweepStore();
        private RunEnvironmentPort environments = NoStorage.ENVIRONMENTS;
        private ResourceSamplePort resourceSamples = NoStorage.RESOURCE_SAMPLES;
        private PoolMetricsPort poolMetrics = List::of;
        private WorkerNodesPort workerNodes = WorkerNodesPort.NONE;
        private DatabaseControlPort databaseControl = DatabaseControlPort.NONE;
        private DatabaseMetricsPort databaseMetrics = NoStorage.DATABASE_METRICS;
        private Map<String, String> environmentFacts = Map.of();
        private BenchmarkSettings settings = BenchmarkSettings.defaults();
        private List<QueueBackendProvider> providers;
        private final Map<BackendId, BackendSettings> backendSettings = new HashMap<>();
        private Path journals;

        private Builder() {
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock is required");
            return this;
        }

        /**
         * The PostgreSQL database every backend keeps its tables in; a pool of one's own keeps its own size (make it
         * as large as {@link #setupOf} says the backend needs).
         */
        public Builder dataSource(DataSource dataSource) {
            Objects.requireNonNull(dataSource, "data source is required");
            return backendDataSources((id, connections) -> dataSource);
        }

        /**
         * A data source per backend, e.g. a connection pool of its own, sized to what the backend needs; asked when
         * the backend is created, and again when its settings change.
         */
        public Builder backendDataSources(BackendDataSourcePort dataSources) {
            this.dataSources = Objects.requireNonNull(dataSources, "data sources are required");
            return this;
        }

        public <S extends LoadRunPort & SaveRunPort> Builder runStore(S store) {
            return runStore(store, store);
        }

        /**
         * Every store of a persistence adapter at once, e.g. {@code JpaPersistence.open(pool).stores()}: runs,
         * snapshots, the run lock, environments, resource samples, faults, sweeps, node leases, migrations and the
         * database's metrics.
         */
        public Builder stores(PersistentStores stores) {
            Objects.requireNonNull(stores, "stores are required");
            return runStore(stores.loadRuns(), stores.saveRuns())
                    .snapshots(stores.snapshots())
                    .runLock(stores.runLock())
                    .environments(stores.environments())
                    .resourceSamples(stores.resourceSamples())
                    .runFaults(stores.runFaults())
                    .sweeps(stores.sweeps())
                    .nodeLeases(stores.nodeLeases())
                    .schemaMigrations(stores.schemaMigrations())
                    .databaseMetrics(stores.databaseMetrics());
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

        /**
         * Which nodes are alive; without it, this node is the only one and nothing tells when another process that
         * shares the run store is gone.
         */
        public Builder nodeLeases(NodeLeasePort nodeLeases) {
            this.nodeLeases = Objects.requireNonNull(nodeLeases, "node lease port is required");
            return this;
        }

        /**
         * Applies backends' schema migrations (their tables); without it, a backend that keeps its tables in
         * migrations cannot be created. {@code JpaPersistence} gives one (Flyway).
         */
        public Builder schemaMigrations(SchemaMigrationPort schemaMigrations) {
            this.schemaMigrations = Objects.requireNonNull(schemaMigrations, "schema migration port is required");
            return this;
        }

        /** Where sweeps are kept; without it, in this process's memory. */
        public Builder sweeps(SweepStorePort sweeps) {
            this.sweeps = Objects.requireNonNull(sweeps, "sweep store is required");
            return this;
        }

        /** Where the faults runs rode out are kept; without it, reports list none. */
        public Builder runFaults(RunFaultPort runFaults) {
            this.runFaults = Objects.requireNonNull(runFaults, "run fault port is required");
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

        /** What starts a run's extra nodes ({@code --nodes}); without it, runs are on this node only. */
        public Builder workerNodes(WorkerNodesPort workerNodes) {
            this.workerNodes = Objects.requireNonNull(workerNodes, "worker nodes port is required");
            return this;
        }

        /** What drops the database's sessions and restarts it, for faults; without it, those faults fail. */
        public Builder databaseControl(DatabaseControlPort databaseControl) {
            this.databaseControl = Objects.requireNonNull(databaseControl, "database control port is required");
            return this;
        }

        /** Facts only the runner knows, for fingerprints: {@code queue_bench.version}, {@code database.kind}, ... */
        public Builder environmentFacts(Map<String, String> environmentFacts) {
            this.environmentFacts = Map.copyOf(Objects.requireNonNull(environmentFacts, "facts are required"));
            return this;
        }

        /**
         * Where this node journals what its jobs do, in memory-mapped files that outlive a SIGKILL: what lets a run
         * count in the work of a node of this machine that was killed. Without it, nothing
         * is journaled and a killed node's last second of completions is lost from the accounting.
         */
        public Builder journals(Path directory) {
            this.journals = Objects.requireNonNull(directory, "journal directory is required");
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
