package dev.queuebench.ports.out;

import dev.queuebench.domain.RunId;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.SweepPlan;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where sweeps are kept: each with its plan and the runs of its points, in the order they ran. */
public interface SweepStorePort {

    /** A sweep as stored: its plan, when it started, and its points so far. */
    record StoredSweep(SweepId id, SweepPlan plan, Instant createdAt, List<StoredPoint> points) {

        public StoredSweep {
            points = List.copyOf(points);
        }
    }

    /** One point: the value swept (threads or jobs/s), its run, and whether it passed. */
    record StoredPoint(double value, RunId runId, boolean passed) {
    }

    SweepId nextSweepId();

    /** Stores a new sweep; one stored already under this id is left as it is (a call tried again). */
    void insertSweep(SweepId id, SweepPlan plan, Instant createdAt);

    /** Adds the sweep's next point; a point of a run the sweep has already is not added again (a call tried again). */
    void addPoint(SweepId id, StoredPoint point);

    Optional<StoredSweep> loadSweep(SweepId id);

    /** The newest sweeps first. */
    List<StoredSweep> listSweeps(int limit);

    /** The sweep each of these runs is a point of; a run of no sweep is absent. */
    Map<RunId, SweepId> sweepsOf(Collection<RunId> runs);
}
