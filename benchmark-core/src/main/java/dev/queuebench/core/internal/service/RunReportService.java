package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.recording.LatencyHistogram;
import dev.queuebench.core.internal.recording.MergedCompletions;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunActivity;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatusRule;
import dev.queuebench.domain.measure.LatencyKind;
import dev.queuebench.domain.measure.NodeShare;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.StatementTime;
import dev.queuebench.ports.in.GetRunReportQuery;
import dev.queuebench.ports.in.ListRunsQuery;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.in.RunLatencies;
import dev.queuebench.ports.in.RunLatenciesQuery;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.out.CompletionSnapshot;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.ResourceSamplePort;
import dev.queuebench.ports.out.RunEnvironmentPort;
import dev.queuebench.ports.out.RunFaultPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds run reports from the stored run, every node's completion snapshots, its fingerprint, its resource samples
 * and the faults it rode out.
 */
public final class RunReportService implements GetRunReportQuery, ListRunsQuery, RunLatenciesQuery {

    private final LoadRunPort loadRuns;
    private final CompletionSnapshotPort snapshots;
    private final RunEnvironmentPort environments;
    private final ResourceSamplePort resources;
    private final RunFaultPort faults;
    private final RunStatusRule statusRule;

    RunReportService(LoadRunPort loadRuns, CompletionSnapshotPort snapshots, RunEnvironmentPort environments,
                     ResourceSamplePort resources, RunFaultPort faults, RunStatusRule statusRule) {
        this.loadRuns = Objects.requireNonNull(loadRuns, "load-run port is required");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshot port is required");
        this.environments = Objects.requireNonNull(environments, "environment port is required");
        this.resources = Objects.requireNonNull(resources, "resource sample port is required");
        this.faults = Objects.requireNonNull(faults, "run fault port is required");
        this.statusRule = Objects.requireNonNull(statusRule, "status rule is required");
    }

    @Override
    public Optional<RunReport> runReport(RunId runId) {
        return loadRuns.loadRun(runId).map(run -> reportOf(run, snapshots.loadSnapshots(runId),
                environments.loadEnvironments(List.of(runId)).getOrDefault(runId, Map.of()),
                resources.loadSamples(runId), faults.loadFaults(List.of(runId)).getOrDefault(runId, List.of()),
                resources.loadStatements(List.of(runId)).getOrDefault(runId, List.of())));
    }

    @Override
    public Optional<RunLatencies> latencies(RunId runId) {
        return loadRuns.loadRun(runId).map(run -> {
            MergedCompletions merged = MergedCompletions.merge(run.jobsCount(), snapshots.loadSnapshots(runId));
            Map<LatencyKind, RunLatencies.Latency> byKind = new EnumMap<>(LatencyKind.class);
            for (LatencyKind kind : LatencyKind.values()) {
                LatencyHistogram histogram = merged.histogram(kind);
                byKind.put(kind, new RunLatencies.Latency(histogram.distribution(), histogram.hgrm()));
            }
            return new RunLatencies(runId, byKind);
        });
    }

    /**
     * The store narrows a status filter by what it keeps (finished, ended, neither); a run's status is decided here,
     * as it is read, so that page after page of the store is read until the page asked for is full or the store has
     * no older run.
     */
    @Override
    public List<RunReport> listRuns(RunListFilter filter) {
        if (filter.status().isEmpty()) {
            return reportsOf(loadRuns.listRuns(filter));
        }
        List<RunReport> kept = new ArrayList<>();
        RunListFilter page = filter;
        while (kept.size() < filter.limit()) {
            List<BenchmarkRun> runs = loadRuns.listRuns(page);
            reportsOf(runs).stream().filter(report -> filter.status().get() == report.status()).forEach(kept::add);
            if (runs.size() < page.limit()) {
                break;
            }
            page = page.olderThan(runs.get(runs.size() - 1).id());
        }
        return List.copyOf(kept.subList(0, Math.min(kept.size(), filter.limit())));
    }

    private List<RunReport> reportsOf(List<BenchmarkRun> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        List<RunId> ids = runs.stream().map(BenchmarkRun::id).toList();
        Map<RunId, List<CompletionSnapshot>> byRun = snapshots.loadSnapshots(ids);
        Map<RunId, Map<String, String>> environmentByRun = environments.loadEnvironments(ids);
        Map<RunId, List<ResourceSample>> samplesByRun = resources.loadSamples(ids);
        Map<RunId, List<RunFault>> faultsByRun = faults.loadFaults(ids);
        Map<RunId, List<StatementTime>> statementsByRun = resources.loadStatements(ids);
        return runs.stream().map(run -> reportOf(run, byRun.getOrDefault(run.id(), List.of()),
                environmentByRun.getOrDefault(run.id(), Map.of()), samplesByRun.getOrDefault(run.id(), List.of()),
                faultsByRun.getOrDefault(run.id(), List.of()), statementsByRun.getOrDefault(run.id(), List.of())))
                .toList();
    }

    private RunReport reportOf(BenchmarkRun run, List<CompletionSnapshot> runSnapshots, Map<String, String> environment,
                               List<ResourceSample> samples, List<RunFault> runFaults,
                               List<StatementTime> statements) {
        MergedCompletions merged = MergedCompletions.merge(run.jobsCount(), runSnapshots);
        RunActivity activity = RunActivity.of(run, merged.lastProgressAt().orElse(null));
        return new RunReport(
                run,
                statusRule.statusOf(activity),
                merged.counts(),
                activity.lastProgressAt(),
                merged.firstFinishedAt(),
                merged.lastFinishedAt(),
                merged.pickupLag(),
                merged.endToEnd(),
                merged.enqueueLatency(),
                merged.completionsPerSecond(),
                merged.enqueuesPerSecond(),
                environment,
                samples,
                runFaults,
                runSnapshots.stream()
                        .sorted(Comparator.comparing(snapshot -> snapshot.nodeId().value()))
                        .map(snapshot -> new NodeShare(snapshot.nodeId(), snapshot.distinctCompleted(),
                                snapshot.executions()))
                        .toList(),
                merged.completionTicks(),
                merged.enqueueTicks(),
                merged.busyPerSecond(),
                statements);
    }
}
