package dev.queuebench.core.internal.recording;

import dev.queuebench.core.internal.faults.DatabaseOutages;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.ports.out.CompletionSnapshot;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.spi.TransientFailures;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Persists this node's recorders about once a second: one upserted snapshot per run that changed. After each
 * flush it merges the run's snapshots of every node and, when all N distinct jobs completed, marks the run finished
 * at its last job's finish time. Marking is idempotent, so any node may do it.
 */
public final class CompletionFlusher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CompletionFlusher.class.getName());

    private final CompletionRecorders recorders;
    private final CompletionSnapshotPort snapshots;
    private final LoadRunPort loadRuns;
    private final SaveRunPort saveRuns;
    private final Clock clock;
    private final DatabaseOutages outages;
    private final BackgroundTask background;
    /** The last saved snapshot of each recorder whose run may have completed with it, until that is checked. */
    private final Map<RunRecorder, CompletionSnapshot> pendingFinishChecks = new HashMap<>();

    /**
     * @param outages told when a flush finds the database unreachable (the next flush tries again: the recorders keep
     *                everything meanwhile) and when it is reachable again
     */
    public CompletionFlusher(CompletionRecorders recorders, CompletionSnapshotPort snapshots, LoadRunPort loadRuns,
                             SaveRunPort saveRuns, Clock clock, Duration interval, DatabaseOutages outages) {
        this.recorders = Objects.requireNonNull(recorders, "recorders are required");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshot port is required");
        this.loadRuns = Objects.requireNonNull(loadRuns, "load-run port is required");
        this.saveRuns = Objects.requireNonNull(saveRuns, "save-run port is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.outages = Objects.requireNonNull(outages, "outages are required");
        this.background = new BackgroundTask("qb-completion-flusher",
                Objects.requireNonNull(interval, "flush interval is required"), this::flushInBackground);
    }

    public void start() {
        background.start();
    }

    private void flushInBackground() {
        try {
            flush();
            outages.reachable();
        } catch (RuntimeException e) {
            if (!TransientFailures.isTransient(e)) {
                throw e;
            }
            outages.unreachable("flush completion snapshots", e);
            LOG.log(Level.DEBUG, "flushing completion snapshots failed; trying again in a second: {0}", e.getMessage());
        }
    }

    /**
     * Flushes every recorder that changed since its last snapshot, then finishes runs that completed. A snapshot or a
     * finish that failed is tried again at the next flush.
     */
    public synchronized void flush() {
        Instant now = clock.instant();
        for (RunRecorder recorder : recorders.all()) {
            if (recorder.hasChangedSinceLastSnapshot()) {
                CompletionSnapshot snapshot = recorder.snapshot(recorders.nodeId(), now);
                try {
                    snapshots.saveSnapshot(snapshot);
                } catch (RuntimeException e) {
                    recorder.snapshotNotSaved();
                    throw e;
                }
                pendingFinishChecks.put(recorder, snapshot);
            } else if (recorder.runFinished() && isQuietSince(recorder, now)) {
                recorders.forget(recorder);
            }
            CompletionSnapshot saved = pendingFinishChecks.get(recorder);
            if (saved != null) {
                if (!recorder.runFinished()) {
                    finishIfComplete(recorder, saved);
                }
                pendingFinishChecks.remove(recorder, saved);
            }
        }
    }

    /**
     * Saves a replayed journal as its node's snapshot, in place of the node's last one, then finishes the run if
     * that completed it: how the completions of a killed node count.
     */
    public synchronized void adopt(JournalReplay replay) {
        CompletionSnapshot snapshot = replay.recorder().snapshot(replay.node(), clock.instant());
        snapshots.saveSnapshot(snapshot);
        finishIfComplete(replay.recorder(), snapshot);
    }

    private void finishIfComplete(RunRecorder recorder, CompletionSnapshot local) {
        List<CompletionSnapshot> all = local.distinctCompleted() == recorder.jobsCount()
                ? List.of(local)
                : snapshots.loadSnapshots(recorder.runId());
        if (all.size() <= 1 && local.distinctCompleted() < recorder.jobsCount()) {
            return;
        }
        MergedCompletions merged = MergedCompletions.merge(recorder.jobsCount(), all);
        if (!merged.counts().allCompleted()) {
            return;
        }
        BenchmarkRun run = loadRuns.loadRun(recorder.runId()).orElse(null);
        if (run == null) {
            return;
        }
        if (!run.isFinished()) {
            Instant lastJobFinishedAt = merged.lastFinishedAt().orElseThrow();
            if (saveRuns.saveRunFinished(run.finish(lastJobFinishedAt, clock.instant()))) {
                LOG.log(Level.DEBUG, "run {0} finished: {1} jobs completed", run.id(), run.jobsCount());
            }
        }
        recorder.markRunFinished();
    }

    private boolean isQuietSince(RunRecorder recorder, Instant now) {
        return Duration.between(recorder.lastProgressAt(), now).compareTo(CompletionRecorders.KEEP_FINISHED) >= 0;
    }

    /**
     * Stops the background flushes and flushes one last time; the journals whose every record is now in a saved
     * snapshot are deleted, the others kept.
     */
    @Override
    public void close() {
        background.close();
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the last flush of completion snapshots failed; the journals under the Queue Bench"
                    + " home keep what it held", e);
        }
        for (RunRecorder recorder : recorders.all()) {
            if (!recorder.hasChangedSinceLastSnapshot()) {
                recorders.deleteJournal(recorder);
            }
        }
    }
}
