package dev.queuebench.ports.out;

import dev.queuebench.domain.RunId;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.StatementTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Stores the resource samples taken during runs, and the statements that took the database's time. */
public interface ResourceSamplePort {

    void saveSample(RunId runId, ResourceSample sample);

    /** In time order. */
    List<ResourceSample> loadSamples(RunId runId);

    /** In time order, per run; runs without samples are absent. */
    Map<RunId, List<ResourceSample>> loadSamples(Collection<RunId> runIds);

    /** The statements that took the most time during the run ({@link dev.queuebench.domain.measure.StatementCounters#since}). */
    void saveStatements(RunId runId, List<StatementTime> statements);

    /** Per run, in the order saved; runs without statements are absent. */
    Map<RunId, List<StatementTime>> loadStatements(Collection<RunId> runIds);
}
