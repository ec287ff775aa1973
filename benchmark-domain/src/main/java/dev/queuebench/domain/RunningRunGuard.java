package dev.queuebench.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs take turns, in the order they were created: a run may start scheduling only while no other run is running
 * (scheduling or draining, and not stalled), and no older run is still pending. Stalled, interrupted and finished
 * runs no longer block; a younger pending run never blocks an older one.
 */
public final class RunningRunGuard {

    private final RunStatusRule statusRule;

    public RunningRunGuard(RunStatusRule statusRule) {
        this.statusRule = Objects.requireNonNull(statusRule, "status rule is required");
    }

    /**
     * The run the candidate has to wait for, if any: the oldest other run that is running, or pending ahead of it.
     *
     * @param candidate the run that wants to start scheduling
     * @param others    runs that may be active; the candidate itself is ignored if present
     */
    public Optional<RunActivity> blockerOf(RunId candidate, Collection<RunActivity> others) {
        Objects.requireNonNull(candidate, "candidate run id is required");
        return others.stream()
                .filter(other -> !other.run().id().equals(candidate))
                .filter(other -> blocks(other, candidate))
                .min(Comparator.comparingLong(other -> other.run().id().value()));
    }

    /**
     * @throws ConcurrentRunException naming the run the candidate waits for
     */
    public void ensureItIsTheTurnOf(RunId candidate, Collection<RunActivity> others) {
        Optional<RunActivity> blocker = blockerOf(candidate, others);
        if (blocker.isPresent()) {
            RunActivity other = blocker.get();
            throw ConcurrentRunException.waitingFor(candidate, other.run().id(), statusRule.statusOf(other));
        }
    }

    private boolean blocks(RunActivity other, RunId candidate) {
        RunStatus status = statusRule.statusOf(other);
        return status.isRunning() || (status == RunStatus.PENDING && other.run().id().value() < candidate.value());
    }
}
