package dev.queuebench.ports.out;

import dev.queuebench.domain.RunId;
import dev.queuebench.domain.measure.ResourceSample;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Stores the resource samples taken during runs. */
public interface ResourceSamplePort {

    void saveSample(RunId runId, ResourceSample sample);

    /** In time order. */
    List<ResourceSample> loadSamples(RunId runId);

    /** In time order, per run; runs without samples are absent. */
    Map<RunId, List<ResourceSample>> loadSamples(Collection<RunId> runIds);
}
