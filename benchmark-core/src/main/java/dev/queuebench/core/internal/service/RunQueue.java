package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.faults.Retrier;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunActivity;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatusRule;
import dev.queuebench.domain.RunningRunGuard;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.LoadRunPort;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The runs that are still active, as every node sees them in the database, and whose turn it is: the running-run
 * guard over the active runs with their latest progress. Reads are retried while the database is unreachable.
 */
final class RunQueue {

    private final LoadRunPort runs;
    private final CompletionSnapshotPort snapshots;
    private final RunningRunGuard guard;
    private final RunStatusRule statusRule;
    private final Retrier retrier;

    RunQueue(LoadRunPort runs, CompletionSnapshotPort snapshots, RunStatusRule statusRule, Retrier retrier) {
        this.runs = Objects.requireNonNull(runs, "load-run port is required");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshot port is required");
        this.statusRule = Objects.requireNonNull(statusRule, "status rule is required");
        this.guard = new RunningRunGuard(statusRule);
        this.retrier = Objects.requireNonNull(retrier, "retrier is required");
    }

    /** Active runs with the last progress any node saw on them, oldest first. */
    List<RunActivity> activeRuns() {
        return retrier.call("read the active runs", () -> {
            List<BenchmarkRun> active = runs.loadActiveRuns();
            if (active.isEmpty()) {
                return List.of();
            }
            Map<RunId, Instant> lastProgress = snapshots.lastProgressAt(active.stream().map(BenchmarkRun::id).toList());
            return active.stream().map(run -> RunActivity.of(run, lastProgress.get(run.id()))).toList();
        });
    }

    /** The run that {@code candidate} has to wait for, if any. */
    Optional<RunActivity> blockerOf(RunId candidate) {
        return guard.blockerOf(candidate, activeRuns());
    }

    /** @throws dev.queuebench.domain.ConcurrentRunException when it is not the candidate's turn */
    void ensureItIsTheTurnOf(RunId candidate) {
        guard.ensureItIsTheTurnOf(candidate, activeRuns());
    }

    /**
     * Another active run whose jobs may be in the backend's tables: one of the same backend whose scheduling job was
     * submitted. Clearing those tables would destroy it.
     */
    Optional<RunActivity> runWithJobsIn(BackendId backend, RunId except) {
        return activeRuns().stream()
                .filter(other -> !other.run().id().equals(except))
                .filter(other -> other.run().backend().equals(backend))
                .filter(other -> other.run().isSubmitted())
                .filter(statusRule::isActive)
                .findFirst();
    }

    RunStatusRule statusRule() {
        return statusRule;
    }
}
