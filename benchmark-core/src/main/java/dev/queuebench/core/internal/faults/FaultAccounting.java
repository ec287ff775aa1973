package dev.queuebench.core.internal.faults;

import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.RunFault;
import java.util.BitSet;
import java.util.Optional;

/** What fault injection needs: to store the faults with their runs, and to count a killed node in. */
public interface FaultAccounting {

    /** Stores a fault with the run: it shows in the run's report, in time order. */
    void recordFault(RunId run, RunFault fault);

    /**
     * Merges the journal of a node of this machine that was killed into the run, as that node's snapshot: nothing it
     * completed is lost from the accounting. Safe to call again (the snapshot is rebuilt from the whole journal).
     *
     * @return empty when this process keeps no journals, or the run or the node's journal is unknown
     */
    Optional<KilledNode> adoptKilledNode(RunId run, NodeId node);

    /** Deletes the journal of a killed node once it is merged for good (at the run's end). */
    void discardJournal(RunId run, NodeId node);

    /** Whether every one of {@code jobs} (indexes) has completed on some node, as the stored snapshots say. */
    boolean allCompleted(RunId run, BitSet jobs);
}
