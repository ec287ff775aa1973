package dev.queuebench.core.internal.service;

import dev.queuebench.domain.RunId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs this node created and that have not ended yet. Their owner is this node: while it lives they may wait for
 * their turn as long as it takes; when it stops, it ends them, and when it dies, any node does.
 */
final class OwnedRuns {

    private final Set<RunId> runs = ConcurrentHashMap.newKeySet();

    void add(RunId runId) {
        runs.add(runId);
    }

    void remove(RunId runId) {
        runs.remove(runId);
    }

    boolean contains(RunId runId) {
        return runs.contains(runId);
    }

    List<RunId> all() {
        return List.copyOf(runs);
    }
}
