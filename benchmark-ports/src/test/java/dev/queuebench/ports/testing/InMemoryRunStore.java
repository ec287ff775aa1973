package dev.queuebench.ports.testing;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunTimeline;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.SaveRunPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Runs in a map, with the same column-by-column writes as the real store. */
public final class InMemoryRunStore implements LoadRunPort, SaveRunPort {

    private final Map<RunId, BenchmarkRun> runs = new ConcurrentHashMap<>();
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
                .filter(run -> cursor.map(c -> newestFirst.compare(run, c) > 0).orElse(true))
                .sorted(newestFirst)
                .limit(filter.limit())
                .toList();
    }

    @Override
    public List<BenchmarkRun> loadStartedUnfinishedRuns() {
        return runs.values().stream().filter(run -> run.hasStartedScheduling() && !run.isFinished()).toList();
    }

    @Override
    public RunId nextRunId() {
        return RunId.of(ids.incrementAndGet());
    }

    @Override
    public void insertRun(BenchmarkRun run) {
        if (runs.putIfAbsent(run.id(), run) != null) {
            throw new IllegalStateException("run " + run.id() + " exists");
        }
        log("insert " + run.id());
    }

    @Override
    public void deleteRun(RunId runId) {
        runs.remove(runId);
        log("delete " + runId);
    }

    @Override
    public synchronized boolean saveSchedulingStarted(BenchmarkRun run) {
        BenchmarkRun stored = require(run.id());
        if (stored.hasStartedScheduling()) {
            return false;
        }
        runs.put(run.id(), copy(stored, run.timeline().schedulingStartedAt().orElseThrow(), null, null,
                run.timeline().updatedAt(), 0));
        log("scheduling started " + run.id());
        return true;
    }

    @Override
    public synchronized void saveSchedulingProgress(BenchmarkRun run) {
        BenchmarkRun stored = require(run.id());
        runs.put(run.id(), copy(stored, null, null, null, run.timeline().updatedAt(), run.scheduledJobs()));
        log("progress " + run.id() + " " + run.scheduledJobs());
    }

    @Override
    public synchronized void saveSchedulingFinished(BenchmarkRun run) {
        BenchmarkRun stored = require(run.id());
        runs.put(run.id(), copy(stored, null, run.timeline().schedulingFinishedAt().orElseThrow(), null,
                run.timeline().updatedAt(), run.scheduledJobs()));
        log("scheduling finished " + run.id());
    }

    @Override
    public synchronized boolean saveRunFinished(BenchmarkRun run) {
        BenchmarkRun stored = require(run.id());
        if (stored.isFinished()) {
            return false;
        }
        runs.put(run.id(), copy(stored, null, null, run.timeline().runFinishedAt().orElseThrow(),
                run.timeline().updatedAt(), stored.scheduledJobs()));
        log("run finished " + run.id());
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
    private static BenchmarkRun copy(BenchmarkRun stored, java.time.Instant schedulingStartedAt,
                                     java.time.Instant schedulingFinishedAt, java.time.Instant runFinishedAt,
                                     java.time.Instant updatedAt, int scheduledJobs) {
        RunTimeline t = stored.timeline();
        return new BenchmarkRun(stored.id(), stored.spec(), RunTimeline.of(
                t.createdAt(),
                updatedAt,
                schedulingStartedAt != null ? schedulingStartedAt : t.schedulingStartedAt().orElse(null),
                schedulingFinishedAt != null ? schedulingFinishedAt : t.schedulingFinishedAt().orElse(null),
                runFinishedAt != null ? runFinishedAt : t.runFinishedAt().orElse(null)),
                scheduledJobs);
    }
}
