package dev.queuebench.ports.in;

import dev.queuebench.domain.RunId;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.SweepPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs sweeps to find a backend's peak, and reads them back. */
public interface SweepUseCase {

    /**
     * Runs every point of the plan in turn (a rate sweep stops after two failed points in a row) and returns the
     * sweep, stored with its points' runs.
     *
     * @throws IllegalArgumentException for a backend that is not registered, or knobs that do not fit
     */
    SweepResult runSweep(SweepPlan plan, RunListener listener);

    /**
     * The same sweep, stored at once and run in the background after the runs this node started before it, as the
     * page starts one; no run starts in the background on this node until it ended.
     *
     * @throws IllegalArgumentException for a backend that is not registered, or knobs that do not fit; nothing stored
     * @throws IllegalStateException    when this program is shutting down
     */
    BackgroundSweep sweepInBackground(SweepPlan plan, RunListener listener);

    Optional<SweepResult> sweep(SweepId id);

    /** The newest sweeps first. */
    List<SweepResult> listSweeps(int limit);

    /** The sweep each of these runs is a point of, so that a run's page and the list can lead to it. */
    Map<RunId, SweepId> sweepsOf(List<RunId> runs);
}
