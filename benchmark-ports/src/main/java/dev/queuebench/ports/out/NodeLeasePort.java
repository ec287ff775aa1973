package dev.queuebench.ports.out;

import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Which Queue Bench processes ("nodes") are alive, as the database sees them. A node holds a lease for as long as it
 * runs; a run belongs to the node that created it. A run whose owner is gone can never finish, and any node may end
 * it: that is how a killed process stops blocking the runs after it within seconds.
 *
 * <p>Being gone must be certain, not a hiccup: a node whose session dropped (a dropped connection, a restarted
 * server) takes its lease again at its next {@link #heartbeat()}, and counts as gone only when it has not done so for
 * a grace period.
 */
public interface NodeLeasePort {

    /** Registers this node and takes its lease. Called once, before anything else. */
    void register(NodeId node);

    /**
     * Proves this node alive, about once a second: takes its lease again on a new session if the old one ended.
     *
     * @throws RuntimeException when the database cannot be reached; the next heartbeat tries again
     */
    void heartbeat();

    /** Gives the lease up: this node is gone, its unfinished runs are orphans. Idempotent. */
    void release();

    /** Runs that neither finished nor ended and whose owner has held no lease and sent no heartbeat for {@code grace}. */
    List<OrphanedRun> orphanedRuns(Duration grace);

    /** A run whose owner is gone, and which node that was. */
    record OrphanedRun(RunId runId, String owner) {

        public OrphanedRun {
            Objects.requireNonNull(runId, "run id is required");
            Objects.requireNonNull(owner, "owner is required");
        }
    }
}
