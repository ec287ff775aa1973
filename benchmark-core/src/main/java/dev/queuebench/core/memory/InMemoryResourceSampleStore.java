package dev.queuebench.core.memory;

import dev.queuebench.domain.RunId;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.StatementTime;
import dev.queuebench.ports.out.ResourceSamplePort;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Resource samples and statements in lists per run. */
public final class InMemoryResourceSampleStore implements ResourceSamplePort {

    private final Map<RunId, List<ResourceSample>> samples = new ConcurrentHashMap<>();
    private final Map<RunId, List<StatementTime>> statements = new ConcurrentHashMap<>();

    @Override
    public void saveSample(RunId runId, ResourceSample sample) {
        samples.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(sample);
    }

    @Override
    public List<ResourceSample> loadSamples(RunId runId) {
        return List.copyOf(samples.getOrDefault(runId, List.of()));
    }

    @Override
    public Map<RunId, List<ResourceSample>> loadSamples(Collection<RunId> runIds) {
        Map<RunId, List<ResourceSample>> found = new HashMap<>();
        runIds.forEach(id -> {
            if (samples.containsKey(id)) {
                found.put(id, loadSamples(id));
            }
        });
        return found;
    }

    @Override
    public void saveStatements(RunId runId, List<StatementTime> ran) {
        statements.put(runId, List.copyOf(ran));
    }

    @Override
    public Map<RunId, List<StatementTime>> loadStatements(Collection<RunId> runIds) {
        Map<RunId, List<StatementTime>> found = new HashMap<>();
        runIds.forEach(id -> {
            if (statements.containsKey(id)) {
                found.put(id, statements.get(id));
            }
        });
        return found;
    }
}
