package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.faults.DatabaseOutages;
import dev.queuebench.core.internal.faults.Retrier;
import dev.queuebench.core.internal.recording.CompletionFlusher;
import dev.queuebench.core.internal.recording.CompletionRecorders;
import dev.queuebench.core.internal.resources.ResourceSampler;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.domain.RunActivity;
import dev.queuebench.domain.RunStatusRule;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.in.ScheduleRunUseCase;
import dev.queuebench.ports.out.BackendDataSourcePort;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.DatabaseControlPort;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.NodeLeasePort;
import dev.queuebench.ports.out.PoolMetricsPort;
import dev.queuebench.ports.out.ResourceSamplePort;
import dev.queuebench.ports.out.RunEnvironmentPort;
import dev.queuebench.ports.out.RunFaultPort;
import dev.queuebench.ports.out.RunLockPort;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.out.SchemaMigrationPort;
import dev.queuebench.ports.out.SweepStorePort;
import dev.queuebench.ports.out.WorkerNodesPort;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The services wired together over the ports, started, and closed in order. The {@code QueueBench} facade is their
 * public face; this class only wires.
 */
public final class CoreServices implements AutoCloseable {

    /** Every outbound port the core needs. */
    public record Ports(BackendDataSourcePort dataSources, LoadRunPort loadRuns, SaveRunPort saveRuns,
                        CompletionSnapshotPort snapshots, RunLockPort runLock, NodeLeasePort nodeLeases,
                        RunFaultPort runFaults, RunEnvironmentPort environments, ResourceSamplePort resourceSamples,
                        PoolMetricsPort poolMetrics, DatabaseMetricsPort databaseMetrics,
                        SchemaMigrationPort schemaMigrations, SweepStorePort sweeps, WorkerNodesPort workerNodes,
                        DatabaseControlPort databaseControl) {
    }

    private final QueueBackends backends;
    private final StartRunService startRuns;
    private final RunReportService reports;
    private final ScheduleRunService scheduler;
    private final CompletionRecorders recorders;
    private final CompletionFlusher flusher;
    private final BenchmarkRunner runner;
    private final SweepRunner sweeps;
    private final CompareRunner compare;
    private final ResourceSampler sampler;
    private final RunSupervisor supervisor;
    private final FaultAccountingService faultAccounting;

    public CoreServices(Ports ports, List<QueueBackendProvider> providers,
                        Map<BackendId, BackendSettings> backendSettings, Map<String, String> environmentFacts,
                        BenchmarkSettings settings, Path journals, Clock clock) {
        RunStatusRule statusRule = new RunStatusRule(clock, settings.stallTimeout());
        Retrier retrier = new Retrier(new DatabaseOutages(clock, settings.nodeId().value()), settings.stallTimeout());
        this.recorders = new CompletionRecorders(settings.nodeId(), ports.loadRuns(), ports.snapshots(), journals);
        this.flusher = new CompletionFlusher(recorders, ports.snapshots(), ports.loadRuns(), ports.saveRuns(), clock,
                settings.flushInterval(), retrier.outages());
        // Backends are created before the scheduler exists; their jobs reach it through this reference.
        ScheduleRunUseCase scheduling = runId -> scheduler().scheduleRun(runId);
        RunJobWork jobWork = new RunJobWork(ports.loadRuns(), retrier);
        this.backends = new QueueBackends(providers, backendSettings, (id, knobs, connections) -> new BackendContext(
                ports.dataSources().dataSourceFor(id, connections), clock, knobs, scheduling, recorders,
                RetryPolicy.standard(), jobWork), ports.schemaMigrations(), settings.backendPoolSize());
        this.sampler = new ResourceSampler(ports.poolMetrics(), ports.databaseMetrics(), ports.resourceSamples(),
                ports.loadRuns(), ports.snapshots(), statusRule, clock, settings.flushInterval());
        RunQueue queue = new RunQueue(ports.loadRuns(), ports.snapshots(), statusRule, retrier);
        OwnedRuns owned = new OwnedRuns();
        this.scheduler = new ScheduleRunService(backends, ports.loadRuns(), ports.saveRuns(), ports.snapshots(),
                ports.runLock(), queue, recorders, sampler, clock, System::nanoTime, settings, retrier);
        this.startRuns = new StartRunService(backends, ports.saveRuns(), ports.environments(),
                ports.databaseMetrics(), environmentFacts, owned, settings.nodeId(), clock, retrier);
        this.reports = new RunReportService(ports.loadRuns(), ports.snapshots(), ports.environments(),
                ports.resourceSamples(), ports.runFaults(), statusRule);
        this.supervisor = new RunSupervisor(ports.nodeLeases(), ports.loadRuns(), ports.saveRuns(), ports.runFaults(),
                queue, owned, retrier, clock, settings, runId -> reports.runReport(runId)
                        .map(report -> RunActivity.of(report.run(), report.lastProgressAt())));
        this.runner = new BenchmarkRunner(backends, startRuns, scheduler, reports, ports.saveRuns(), queue,
                ports.runLock(), recorders, flusher, sampler, supervisor, retrier, clock);
        this.faultAccounting = new FaultAccountingService(recorders, flusher, ports.snapshots(), ports.runFaults(),
                retrier);
        this.sweeps = new SweepRunner(backends, runner, reports, ports.sweeps(), retrier, clock);
        this.compare = new CompareRunner(backends, runner, faultAccounting, ports.workerNodes(),
                ports.databaseControl(), clock);
        supervisor.start(settings.nodeId());
        flusher.start();
    }

    public QueueBackends backends() {
        return backends;
    }

    public StartRunService startRuns() {
        return startRuns;
    }

    public RunReportService reports() {
        return reports;
    }

    public ScheduleRunService scheduler() {
        return scheduler;
    }

    public CompletionRecorders recorders() {
        return recorders;
    }

    public CompletionFlusher flusher() {
        return flusher;
    }

    public BenchmarkRunner runner() {
        return runner;
    }

    public FaultAccountingService faultAccounting() {
        return faultAccounting;
    }

    public SweepRunner sweeps() {
        return sweeps;
    }

    public CompareRunner compare() {
        return compare;
    }

    /** One round of run supervision now, rather than at the next interval. */
    public void superviseRuns() {
        supervisor.supervise();
    }

    /**
     * Stops the run driven in the background, every backend's workers, ends this node's runs that are still active,
     * gives up its lease and flushes the recorders one last time.
     */
    @Override
    public void close() {
        try {
            runner.close();
            backends.close();
        } finally {
            supervisor.close();
            sampler.close();
            flusher.close();
        }
    }
}
