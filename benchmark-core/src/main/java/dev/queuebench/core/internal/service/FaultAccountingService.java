package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.faults.FaultAccounting;
import dev.queuebench.core.internal.faults.KilledNode;
import dev.queuebench.core.internal.faults.Retrier;
import dev.queuebench.core.internal.recording.CompletionFlusher;
import dev.queuebench.core.internal.recording.CompletionRecorders;
import dev.queuebench.core.internal.recording.JournalReplay;
import dev.queuebench.core.internal.recording.SnapshotCodec;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.out.CompletionSnapshot;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.RunFaultPort;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;

/** Stores injected faults, and counts a killed node's journal into its run. */
public final class FaultAccountingService implements FaultAccounting {

    private final CompletionRecorders recorders;
    private final CompletionFlusher flusher;
    private final CompletionSnapshotPort snapshots;
    private final RunFaultPort faults;
    private final Retrier retrier;

    public FaultAccountingService(CompletionRecorders recorders, CompletionFlusher flusher,
                                  CompletionSnapshotPort snapshots, RunFaultPort faults, Retrier retrier) {
        this.recorders = Objects.requireNonNull(recorders, "recorders are required");
        this.flusher = Objects.requireNonNull(flusher, "flusher is required");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshot port is required");
        this.faults = Objects.requireNonNull(faults, "fault port is required");
        this.retrier = Objects.requireNonNull(retrier, "retrier is required");
    }

    @Override
    public void recordFault(RunId run, RunFault fault) {
        retrier.run("store fault " + fault.kind() + " of run " + run, () -> faults.saveFaults(run, List.of(fault)));
    }

    @Override
    public Optional<KilledNode> adoptKilledNode(RunId run, NodeId node) {
        Optional<JournalReplay> replay = retrier.call("load run " + run, () -> recorders.replayJournal(run, node));
        if (replay.isEmpty() || replay.get().records() == 0) {
            return Optional.empty();
        }
        long flushed = retrier.call("load the snapshot of node " + node + " for run " + run,
                () -> snapshots.loadSnapshot(run, node)).map(CompletionSnapshot::executions).orElse(0L);
        retrier.run("save the journal of node " + node + " for run " + run, () -> flusher.adopt(replay.get()));
        long journaled = replay.get().recorder().executions();
        return Optional.of(new KilledNode(node, replay.get().records(), Math.max(0, journaled - flushed),
                replay.get().inFlight()));
    }

    @Override
    public void discardJournal(RunId run, NodeId node) {
        recorders.deleteJournalOf(run, node);
    }

    @Override
    public boolean allCompleted(RunId run, BitSet jobs) {
        List<CompletionSnapshot> all = retrier.call("load the snapshots of run " + run,
                () -> snapshots.loadSnapshots(run));
        RoaringBitmap completed = new RoaringBitmap();
        all.forEach(snapshot -> completed.or(SnapshotCodec.completedJobs(snapshot)));
        return jobs.stream().allMatch(completed::contains);
    }
}
