package dev.queuebench.core.internal.service;

import dev.queuebench.core.memory.InMemoryEnvironmentStore;
import dev.queuebench.core.memory.InMemoryNodeLeases;
import dev.queuebench.core.memory.InMemoryResourceSampleStore;
import dev.queuebench.core.memory.InMemoryRunFaultStore;
import dev.queuebench.core.memory.InMemoryRunLock;
import dev.queuebench.core.memory.InMemoryRunStore;
import dev.queuebench.core.memory.InMemorySnapshotStore;
import dev.queuebench.core.memory.InMemorySweepStore;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.measure.DatabaseSample;
import dev.queuebench.domain.measure.PoolSample;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.in.CompareListener;
import dev.queuebench.ports.in.ComparePlan;
import dev.queuebench.ports.in.Comparison;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import dev.queuebench.testing.FakeQueueBackend;
import dev.queuebench.testing.MutableClock;
import dev.queuebench.testing.NoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The core's services wired to in-memory stores and one fake backend, with an hour-long flush and supervision
 * interval: tests flush and supervise by hand. {@link #anotherNode} is a second process on the same stores.
 */
final class InMemoryCore implements AutoCloseable {

    final MutableClock clock;
    final InMemoryRunStore runs;
    final InMemorySnapshotStore snapshots;
    final InMemoryRunLock lock;
    final InMemoryEnvironmentStore environments;
    final InMemoryResourceSampleStore resourceSamples;
    final InMemoryRunFaultStore faults;
    final InMemoryNodeLeases leases;
    final FakeQueueBackend.Provider provider = FakeQueueBackend.provider();
    final FakeNodes nodes = new FakeNodes();
    final NodeId node;
    final BenchmarkSettings settings;
    final CoreServices services;

    InMemoryCore() {
        this(NodeId.of("node-a"));
    }

    InMemoryCore(NodeId node) {
        this(node, MutableClock.at("2026-11-23T10:00:00Z"), new InMemoryRunStore(), new InMemorySnapshotStore(),
                new InMemoryRunLock(), new InMemoryEnvironmentStore(), new InMemoryResourceSampleStore(),
                new InMemoryRunFaultStore(), null);
    }

    private InMemoryCore(NodeId node, MutableClock clock, InMemoryRunStore runs, InMemorySnapshotStore snapshots,
                         InMemoryRunLock lock, InMemoryEnvironmentStore environments,
                         InMemoryResourceSampleStore resourceSamples, InMemoryRunFaultStore faults,
                         InMemoryNodeLeases sharedLeases) {
        this.node = node;
        this.clock = clock;
        this.runs = runs;
        this.snapshots = snapshots;
        this.lock = lock;
        this.environments = environments;
        this.resourceSamples = resourceSamples;
        this.faults = faults;
        this.leases = sharedLeases != null ? sharedLeases : new InMemoryNodeLeases(clock, runs);
        this.settings = BenchmarkSettings.defaults()
                .withNodeId(node)
                .withFlushInterval(Duration.ofHours(1))
                .withLockWait(Duration.ofMillis(50))
                .withSupervisionInterval(Duration.ofHours(1));
        DatabaseMetricsPort database = new DatabaseMetricsPort() {
            @Override
            public DatabaseSample sample(List<String> backendTables) {
                return new DatabaseSample(100, 10, 20, 30, 5, 8_192, 0);
            }

            @Override
            public Map<String, String> facts() {
                return Map.of("postgres.version", "PostgreSQL 99", "postgres.fsync", "on");
            }
        };
        this.services = new CoreServices(new CoreServices.Ports((id, connections) -> new NoDatabase(), runs, runs, snapshots, lock,
                leases.forNode(), faults, environments, resourceSamples,
                () -> List.of(new PoolSample("qb-fake", 3, 7, 0)), database, (dataSource, migrations) -> { },
                new InMemorySweepStore(), nodes, nodes),
                List.of(provider), Map.of(),
                Map.of("queue_bench.version", "test", "database.kind", "in-memory"), settings, null, clock);
    }

    /** A second process on the same database: the same stores and leases, a node and a fake backend of its own. */
    InMemoryCore anotherNode(NodeId other) {
        return new InMemoryCore(other, clock, runs, snapshots, lock, environments, resourceSamples, faults, leases);
    }

    FakeQueueBackend backend() {
        services.backends().backend(FakeQueueBackend.ID);
        return provider.backend();
    }

    BenchmarkRun startRun(StartRunCommand command) {
        return services.startRuns().startRun(command);
    }

    BenchmarkRun startBenchmark(StartRunCommand command) {
        return services.runner().runInBackground(command);
    }

    RunReport runToEnd(StartRunCommand command, RunListener listener) {
        return services.runner().runToEnd(command, listener);
    }

    Comparison compare(ComparePlan plan, CompareListener listener) {
        return services.compare().compare(plan, listener);
    }

    CompletableFuture<Comparison> compareInBackground(ComparePlan plan, CompareListener listener) {
        return services.compare().compareInBackground(plan, listener);
    }

    SweepRunner sweeps() {
        return services.sweeps();
    }

    QueueBackends queueBackends() {
        return services.backends();
    }

    TrialResult runTrials(StartRunCommand command, int warmups, int trials, RunListener listener) {
        return services.runner().runTrials(command, warmups, trials, listener);
    }

    Optional<RunReport> runReport(RunId runId) {
        return services.reports().runReport(runId);
    }

    List<RunReport> listRuns(RunListFilter filter) {
        return services.reports().listRuns(filter);
    }

    List<BackendDescriptor> backends() {
        return services.backends().backends();
    }

    void scheduleRun(RunId runId) {
        services.scheduler().scheduleRun(runId);
    }

    void flushCompletions() {
        services.flusher().flush();
    }

    void superviseRuns() {
        services.superviseRuns();
    }

    BackendId backendId() {
        return FakeQueueBackend.ID;
    }

    @Override
    public void close() {
        services.close();
    }
}
