package dev.queuebench.ports.out;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.NodeId;
import dev.queuebench.ports.spi.BackendSettings;
import java.util.Optional;

/**
 * Starts the extra nodes of a run on several nodes ({@code --nodes}): worker processes of this machine, each with its
 * own workers and pools, on the same database and the same backend knobs as this process. The core starts them around
 * a backend's runs, and its fault injection kills and pauses them.
 */
@FunctionalInterface
public interface WorkerNodesPort {

    /** Starts no process: a run on one node only, for embedders and tests that bring no worker processes. */
    WorkerNodesPort NONE = (count, backend, settings) -> {
        throw new IllegalStateException("a run on " + (count + 1) + " nodes needs a program that starts worker"
                + " processes (queue-bench): this one runs on one node only");
    };

    /**
     * Starts {@code count} nodes of the backend and returns once each runs its workers.
     *
     * @param settings the backend's knobs and profile, which every node gets
     * @throws IllegalStateException when a node fails to start, saying where its log is
     */
    WorkerNodes start(int count, BackendId backend, BackendSettings settings);

    /** The extra nodes of a backend's runs. Closing them drains and stops each (SIGTERM), killing one that hangs. */
    interface WorkerNodes extends AutoCloseable {

        /** The first node still alive, if any. */
        Optional<WorkerNode> firstAlive();

        /** SIGKILL: the node dies at once, in the middle of whatever it was doing. Returns once it is gone. */
        void kill(WorkerNode node) throws InterruptedException;

        /**
         * SIGSTOP when {@code pause}, else SIGCONT: the node freezes with its sessions and locks held, or goes on.
         *
         * @throws IllegalStateException when the signal could not be sent
         */
        void pause(WorkerNode node, boolean pause) throws InterruptedException;

        /** Starts a new node in place of each one that died, so that the next run has as many nodes as the first. */
        void replaceDead();

        @Override
        void close();
    }

    /** One extra node: the process id it runs as, and the id it gave itself. */
    record WorkerNode(NodeId id, long pid) {
    }
}
