package dev.queuebench.core.internal.faults;

import dev.queuebench.domain.NodeId;
import java.util.BitSet;
import java.util.Objects;

/**
 * A node of this machine that was killed, as its journal tells it: what it recorded is merged into the run, and the
 * jobs it was running when it died are known.
 *
 * @param node           the killed node
 * @param journalRecords how many whole records its journal of the run held (starts, completions and enqueues)
 * @param beyondSnapshot how many executions its journal held that its last flushed snapshot did not: what the
 *                       accounting would have lost without the journal
 * @param inFlight       the indexes of the jobs it had started and not completed: its jobs that must run elsewhere
 */
public record KilledNode(NodeId node, int journalRecords, long beyondSnapshot, BitSet inFlight) {

    public KilledNode {
        Objects.requireNonNull(node, "node is required");
        inFlight = (BitSet) Objects.requireNonNull(inFlight, "in-flight jobs are required").clone();
    }

    @Override
    public BitSet inFlight() {
        return (BitSet) inFlight.clone();
    }
}
