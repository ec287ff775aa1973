package dev.queuebench.core.internal.recording;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.JobCompletion;
import dev.queuebench.ports.in.RecordJobCompletionUseCase;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.LoadRunPort;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's recorders, one per run it has seen a job of. A recorder is created on a run's first completion here,
 * continuing from this node's earlier snapshot if there is one, and forgotten a while after its run finished.
 */
public final class CompletionRecorders implements RecordJobCompletionUseCase {

    private static final System.Logger LOG = System.getLogger(CompletionRecorders.class.getName());
    /** How long a finished run's recorder stays, to count late duplicates without a reload. */
    static final Duration KEEP_FINISHED = Duration.ofMinutes(2);

    private final NodeId nodeId;
    private final LoadRunPort runs;
    private final CompletionSnapshotPort snapshots;
    private final Map<RunId, RunRecorder> recorders = new ConcurrentHashMap<>();
    private final Map<RunId, Boolean> unknownRunsReported = new ConcurrentHashMap<>();
    private final Path journals;

    /**
     * @param journals where each run's recorder keeps its journal ({@link CompletionJournal}); {@code null} for none
     */
    public CompletionRecorders(NodeId nodeId, LoadRunPort runs, CompletionSnapshotPort snapshots, Path journals) {
        this.nodeId = Objects.requireNonNull(nodeId, "node id is required");
        this.runs = Objects.requireNonNull(runs, "run port is required");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshot port is required");
        this.journals = journals;
    }

    public CompletionRecorders(NodeId nodeId, LoadRunPort runs, CompletionSnapshotPort snapshots) {
        this(nodeId, runs, snapshots, null);
    }

    public NodeId nodeId() {
        return nodeId;
    }

    @Override
    public void jobCompleted(JobCompletion completion) {
        RunRecorder recorder = recorderFor(completion.runId());
        if (recorder == null) {
            if (unknownRunsReported.putIfAbsent(completion.runId(), Boolean.TRUE) == null) {
                LOG.log(Level.WARNING, "a pretend job of run {0} ran, but there is no such run: not recorded",
                        completion.runId());
            }
            return;
        }
        recorder.recordCompletion(completion.jobIndex(), Micros.of(completion.dueAt()),
                Micros.of(completion.startedAt()), Micros.of(completion.finishedAt()));
    }

    @Override
    public void jobStarted(RunId runId, int jobIndex, Instant startedAt) {
        if (journals == null) {
            return;
        }
        RunRecorder recorder = recorderFor(runId);
        if (recorder != null) {
            recorder.recordStart(jobIndex, Micros.of(startedAt));
        }
    }

    /** The recorder of a run this node is scheduling. */
    public RunRecorder recorderFor(BenchmarkRun run) {
        return recorders.computeIfAbsent(run.id(), id -> newRecorder(run));
    }

    /** The recorder of a run, loading the run on first use; {@code null} when the run does not exist. */
    RunRecorder recorderFor(RunId runId) {
        RunRecorder recorder = recorders.get(runId);
        if (recorder != null) {
            return recorder;
        }
        return recorders.computeIfAbsent(runId, id -> runs.loadRun(id).map(this::newRecorder).orElse(null));
    }

    List<RunRecorder> all() {
        return List.copyOf(recorders.values());
    }

    /**
     * Forgets a finished run's recorder, whose last snapshot is saved, and deletes its journal; a late job of the
     * run loads this node's snapshot again.
     */
    void forget(RunRecorder recorder) {
        recorders.remove(recorder.runId(), recorder);
        deleteJournal(recorder);
    }

    /** Deletes the journal of a recorder whose every record is in a saved snapshot. */
    void deleteJournal(RunRecorder recorder) {
        recorder.journal().ifPresent(journal -> {
            journal.close();
            CompletionJournal.delete(journals, recorder.runId(), nodeId);
        });
    }

    /** Deletes another node's journal of a run, e.g. a killed node's once it is merged. */
    public void deleteJournalOf(RunId runId, NodeId node) {
        if (journals != null) {
            CompletionJournal.delete(journals, runId, node);
        }
    }

    /**
     * What another node of this machine recorded for a run, read back from its journal: a node that was killed, whose
     * last snapshot may lack its last second of work. Empty when this node keeps no journals or the run is unknown.
     */
    public Optional<JournalReplay> replayJournal(RunId runId, NodeId node) {
        if (journals == null) {
            return Optional.empty();
        }
        return runs.loadRun(runId).map(run -> JournalReplay.of(newRecorder(run, null, false), node,
                CompletionJournal.read(journals, runId, node)));
    }

    private RunRecorder newRecorder(BenchmarkRun run) {
        boolean journaled = journals != null && !run.isFinished();
        return newRecorder(run, journaled ? CompletionJournal.open(journals, run.id(), nodeId) : null, true);
    }

    private RunRecorder newRecorder(BenchmarkRun run, CompletionJournal journal, boolean restore) {
        Instant createdAt = run.timeline().createdAt();
        RunRecorder recorder = new RunRecorder(run.id(), run.jobsCount(), createdAt, journal);
        if (restore) {
            snapshots.loadSnapshot(run.id(), nodeId).ifPresent(recorder::restore);
        }
        if (run.spec().workload().latencyFromWorkersStart()) {
            run.timeline().workersStartedAt().ifPresent(at -> recorder.measureLatencyFrom(Micros.of(at)));
        }
        if (run.isFinished()) {
            recorder.markRunFinished();
        }
        return recorder;
    }
}
