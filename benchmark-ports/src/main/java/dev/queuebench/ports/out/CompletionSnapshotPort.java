package dev.queuebench.ports.out;

import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores the completion recorders' snapshots: one row per run and node, replaced on every flush. */
public interface CompletionSnapshotPort {

    /** Inserts or replaces the snapshot of its run and node. */
    void saveSnapshot(CompletionSnapshot snapshot);

    Optional<CompletionSnapshot> loadSnapshot(RunId runId, NodeId nodeId);

    List<CompletionSnapshot> loadSnapshots(RunId runId);

    /** The latest {@code updated_at} over every node's snapshot of each run; runs without snapshots are absent. */
    Map<RunId, Instant> lastProgressAt(Collection<RunId> runIds);

    /** Every node's snapshots of each of the given runs; runs without snapshots are absent. */
    Map<RunId, List<CompletionSnapshot>> loadSnapshots(Collection<RunId> runIds);
}
