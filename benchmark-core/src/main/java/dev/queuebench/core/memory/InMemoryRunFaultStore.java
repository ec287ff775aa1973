package dev.queuebench.core.memory;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.out.RunFaultPort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each run's faults in a list. */
public final class InMemoryRunFaultStore implements RunFaultPort {

    private final Map<RunId, List<RunFault>> faults = new ConcurrentHashMap<>();

    @Override
    public synchronized void saveFaults(RunId runId, List<RunFault> more) {
        faults.computeIfAbsent(runId, id -> new ArrayList<>()).addAll(more);
    }

    @Override
    public synchronized Map<RunId, List<RunFault>> loadFaults(Collection<RunId> runIds) {
        Map<RunId, List<RunFault>> found = new HashMap<>();
        runIds.forEach(id -> {
            List<RunFault> list = faults.get(id);
            if (list != null) {
                found.put(id, List.copyOf(list));
            }
        });
        return found;
    }
}
