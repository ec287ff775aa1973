package dev.queuebench.ports.in;

import dev.queuebench.domain.NodeId;
import java.util.Objects;

/**
 * What one node (a process with a completion recorder: the run's own, or a {@code worker}) did for a run.
 *
 * @param completedJobs distinct jobs this node completed (another node may have completed some of them too)
 * @param executions    job executions on this node, repeats included
 */
public record NodeShare(NodeId node, int completedJobs, long executions) {

    public NodeShare {
        Objects.requireNonNull(node, "node is required");
        if (completedJobs < 0 || executions < completedJobs) {
            throw new IllegalArgumentException("a node completes 0 or more jobs in at least as many executions, was "
                    + completedJobs + " in " + executions);
        }
    }
}
