package dev.queuebench.core.memory;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunEnding;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunTimeline;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.SaveRunPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Runs in a map, with the same column-by-column, only-if-not-yet writes as the real store. */
public final class InMemoryRunStore implements LoadRunPort, SaveRunPort {

    private final Map<RunId, BenchmarkRun> runs = new ConcurrentHashMap<>();
    private final Map<RunId, NodeId> owners = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<String> writes = new ArrayList<>();

    @Override
    public Optional<BenchmarkRun> loadRun(RunId runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public List<BenchmarkRun> listRuns(RunListFilter filter) {
        Comparator<BenchmarkRun> newestFirst = Comparator
                .comparing((BenchmarkRun run) -> run.timeline().createdAt())
                .thenComparing(run -> run.id().value())
                .reversed();
        Optional<BenchmarkRun> cursor = filter.before().map(runs::get);
        return runs.values().stream()
                .filter(run -> filter.backend().map(run.backend()::equals).orElse(true))
                .filter(run -> filter.workload().map(run.spec().workload().wireName()::equals).orElse(true))
                .filter(run -> filter.mayHoldStatus(run.isFinished(), run.ending().map(RunEnding::status)))
                .filter(run -> cursor.map(c -> newestFirst.compare(run, c) > 0).orElse(true))
                .sorted(newestFirst)
                .limit(filter.limit())
                .toList();
    }

    @Override
    public List<BenchmarkRun> loadActiveRuns() {
        return runs.values().stream().filter(run -> !run.isFinished() && !run.isEnded())
                .sorted(Comparator.comparingLong(run -> run.id().value())).toList();
    }

    @Override
    public RunId nextRunId() {
        return RunId.of(ids.incrementAndGet());
    }

    @Override
    public void insertRun(BenchmarkRun run, NodeId owner) {
        if (runs.putIfAbsent(run.id(), run) != null) {
            throw new IllegalStateException("run " + run.id() + " exists");
        }
        owners.put(run.id(), owner);
        log("insert " + run.id());
    }

    /** The node that created the run. */
    public Optional<NodeId> ownerOf(RunId runId) {
        return Optional.ofNullable(owners.get(runId));
    }

    @Override
    public void deleteRun(RunId runId) {
        runs.remove(runId);
        owners.remove(runId);
        log("delete " + runId);
    }

    @Override
    public synchronized boolean saveSubmitted(BenchmarkRun run) {
        BenchmarkRun stored = require(run.id());
        if (stored.isSubmitted() || stored.isEnded()) {
            return false;
        }
        runs.put(run.id(), copy(stored, run.timeline().submittedAt().orElseThrow(), null, null, null,
                run.timeline().updatedAt(), stored.scheduledJobs()));
        log("submitted " + run.id());
        return true;
    }

    @Override
    public synchronized boolean saveSchedulingStarted(BenchmarkRun run) {
        BenchmarkRun stored = require(run.id());
        if (stored.hasStartedScheduling() || stored.isEnded()) {
            return false;
        }
        runs.put(run.id(), copy(stored, null, run.timeline().schedulingStartedAt().orElseThrow(), null, null,
                run.timeline().updatedAt(), 0));
        log("scheduling started " + run.id());
        return true;
    }

    @Override
    public synchronized void saveWorkersStarted(BenchmarkRun run) {
        BenchmarkRun stored = require(run.id());
        if (stored.timeline().workersStartedAt().isPresent() || stored.isEnded()) {
            return;
        }
        RunTimeline t = stored.timeline();
        runs.put(run.id(), new BenchmarkRun(stored.id(), stored.spec(), RunTimeline.of(t.createdAt(),
                run.timeline().updatedAt(), t.submittedAt().orElse(null), t.schedulingStartedAt().orElse(null),
                t.schedulingFinishedAt().orElse(null), t.runFinishedAt().orElse(null),
                run.timeline().workersStartedAt().orElseThrow()), stored.scheduledJobs(), stored.ending()));
        log("workers started " + run.id());
    }

    @Override
    public synchronized void saveSchedulingProgress(BenchmarkRun run) {
        BenchmarkRun stored = require(run.id());
        if (stored.hasFinishedScheduling()) {
            return;
        }
        runs.put(run.id(), copy(stored, null, null, null, null, run.timeline().updatedAt(),
                Math.max(stored.scheduledJobs(), run.scheduledJobs())));
        log("progress " + run.id() + " " + run.scheduledJobs());
    }

    @Override
    public synchronized void saveSchedulingFinished(BenchmarkRun run) {
        BenchmarkRun stored = require(run.id());
        if (stored.hasFinishedScheduling()) {
            return;
        }
        runs.put(run.id(), copy(stored, null, null, run.timeline().schedulingFinishedAt().orElseThrow(), null,
                run.timeline().updatedAt(), run.scheduledJobs()));
        log("scheduling finished " + run.id());
    }

    @Override
    public synchronized boolean saveRunFinished(BenchmarkRun run) {
        BenchmarkRun stored = require(run.id());
        if (stored.isFinished()) {
            return false;
        }
        runs.put(run.id(), copy(stored, null, null, null, run.timeline().runFinishedAt().orElseThrow(),
                run.timeline().updatedAt(), stored.scheduledJobs()));
        log("run finished " + run.id());
        return true;
    }

    @Override
    public synchronized boolean saveEnding(BenchmarkRun run) {
        BenchmarkRun stored = require(run.id());
        if (stored.isFinished() || stored.isEnded()) {
            return false;
        }
        runs.put(run.id(), new BenchmarkRun(stored.id(), stored.spec(), stored.timeline(), stored.scheduledJobs(),
                run.ending()));
        log("ended " + run.id() + " " + run.ending().orElseThrow().status().wireName());
        return true;
    }

    @Override
    public synchronized boolean savePendingJobs(RunId runId, int pendingJobs) {
        BenchmarkRun stored = require(runId);
        if (stored.ending().isEmpty() || stored.ending().get().pendingJobs().isPresent()) {
            return false;
        }
        runs.put(runId, new BenchmarkRun(stored.id(), stored.spec(), stored.timeline(), stored.scheduledJobs(),
                stored.ending().map(ending -> ending.withPendingJobs(pendingJobs))));
        log("pending " + runId + " " + pendingJobs);
        return true;
    }

    /** Every write, in order, e.g. {@code "progress 1 500"}. */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    public int size() {
        return runs.size();
    }

    private synchronized void log(String write) {
        writes.add(write);
    }

    private BenchmarkRun require(RunId id) {
        BenchmarkRun run = runs.get(id);
        if (run == null) {
            throw new IllegalStateException("no run " + id);
        }
        return run;
    }

    /** Writes only the given columns over the stored run, like a SQL UPDATE would. */
    private static BenchmarkRun copy(BenchmarkRun stored, Instant submittedAt, Instant schedulingStartedAt,
                                     Instant schedulingFinishedAt, Instant runFinishedAt, Instant updatedAt,
                                     int scheduledJobs) {
        RunTimeline t = stored.timeline();
        return new BenchmarkRun(stored.id(), stored.spec(), RunTimeline.of(
                t.createdAt(),
                updatedAt,
                submittedAt != null ? submittedAt : t.submittedAt().orElse(null),
                schedulingStartedAt != null ? schedulingStartedAt : t.schedulingStartedAt().orElse(null),
                schedulingFinishedAt != null ? schedulingFinishedAt : t.schedulingFinishedAt().orElse(null),
                runFinishedAt != null ? runFinishedAt : t.runFinishedAt().orElse(null),
                t.workersStartedAt().orElse(null)),
                scheduledJobs, stored.ending());
    }
}
