package dev.queuebench.core.memory;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.out.RunEnvironmentPort;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fingerprints in a map. */
public final class InMemoryEnvironmentStore implements RunEnvironmentPort {

    private final Map<RunId, Map<String, String>> environments = new ConcurrentHashMap<>();

    @Override
    public void saveEnvironment(RunId runId, Map<String, String> environment) {
        environments.put(runId, new LinkedHashMap<>(environment));
    }

    @Override
    public Map<RunId, Map<String, String>> loadEnvironments(Collection<RunId> runIds) {
        Map<RunId, Map<String, String>> found = new HashMap<>();
        runIds.forEach(id -> {
            if (environments.containsKey(id)) {
                found.put(id, environments.get(id));
            }
        });
        return found;
    }
}
