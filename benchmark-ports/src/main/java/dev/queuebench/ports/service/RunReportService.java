package dev.queuebench.ports.service;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunActivity;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatusRule;
import dev.queuebench.ports.in.GetRunReportQuery;
import dev.queuebench.ports.in.ListRunsQuery;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.recording.CompletionSnapshot;
import dev.queuebench.ports.recording.MergedCompletions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Builds run reports from the stored run and every node's completion snapshots. */
public final class RunReportService implements GetRunReportQuery, ListRunsQuery {

    private final LoadRunPort loadRuns;
    private final CompletionSnapshotPort snapshots;
    private final RunStatusRule statusRule;

    public RunReportService(LoadRunPort loadRuns, CompletionSnapshotPort snapshots, RunStatusRule statusRule) {
        this.loadRuns = Objects.requireNonNull(loadRuns, "load-run port is required");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshot port is required");
        this.statusRule = Objects.requireNonNull(statusRule, "status rule is required");
    }

    @Override
    public Optional<RunReport> runReport(RunId runId) {
        return loadRuns.loadRun(runId).map(run -> reportOf(run, snapshots.loadSnapshots(runId)));
    }

    @Override
    public List<RunReport> listRuns(RunListFilter filter) {
        List<BenchmarkRun> runs = loadRuns.listRuns(filter);
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<RunId, List<CompletionSnapshot>> byRun = snapshots.loadSnapshots(runs.stream().map(BenchmarkRun::id).toList());
        return runs.stream().map(run -> reportOf(run, byRun.getOrDefault(run.id(), List.of()))).toList();
    }

    private RunReport reportOf(BenchmarkRun run, List<CompletionSnapshot> runSnapshots) {
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
                merged.enqueuesPerSecond());
    }
}
