package dev.queuebench.domain;

import java.util.Collection;
import java.util.Objects;

/**
 * Only one run runs at a time: a run may start scheduling only while no other run is running (scheduling or
 * draining, and not stalled). Stalled runs no longer block.
 */
public final class RunningRunGuard {

    private final RunStatusRule statusRule;

    public RunningRunGuard(RunStatusRule statusRule) {
        this.statusRule = Objects.requireNonNull(statusRule, "status rule is required");
    }

    /**
     * @param candidate the run that wants to start scheduling
     * @param others    runs that may be running; the candidate itself is ignored if present
     * @throws ConcurrentRunException naming the first other run that is running
     */
    public void ensureNoOtherRunIsRunning(RunId candidate, Collection<RunActivity> others) {
        Objects.requireNonNull(candidate, "candidate run id is required");
        for (RunActivity other : others) {
            if (!other.run().id().equals(candidate) && statusRule.isRunning(other)) {
                throw ConcurrentRunException.anotherRunIsRunning(candidate, other.run().id());
            }
        }
    }
}
