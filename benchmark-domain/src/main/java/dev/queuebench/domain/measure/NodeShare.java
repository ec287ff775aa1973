package dev.queuebench.domain.measure;

import dev.queuebench.domain.NodeId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

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

    /** This node's share of the executions of {@code all} the run's nodes, 0 to 1; 0 before any job ran. */
    public double shareOf(List<NodeShare> all) {
        long total = all.stream().mapToLong(NodeShare::executions).sum();
        return total == 0 ? 0 : (double) executions / total;
    }

    /**
     * How evenly the nodes shared the work: the smallest node's executions over the largest's (1 is even, 0 means a
     * node ran nothing). Empty with fewer than two nodes, or before any job ran.
     */
    public static OptionalDouble fairness(List<NodeShare> nodes) {
        return fairness(nodes, nodes.size());
    }

    /**
     * The same, for a run started on {@code started} nodes of which only {@code nodes} recorded: a node that ran none
     * of the run's jobs writes nothing, and makes the run as uneven as can be (0).
     */
    public static OptionalDouble fairness(List<NodeShare> nodes, int started) {
        if (started > nodes.size() && nodes.stream().anyMatch(node -> node.executions() > 0)) {
            return OptionalDouble.of(0);
        }
        if (nodes.size() < 2) {
            return OptionalDouble.empty();
        }
        long most = nodes.stream().mapToLong(NodeShare::executions).max().orElse(0);
        long least = nodes.stream().mapToLong(NodeShare::executions).min().orElse(0);
        return most == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) least / most);
    }
}
