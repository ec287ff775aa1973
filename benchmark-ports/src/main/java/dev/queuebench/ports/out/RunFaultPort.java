package dev.queuebench.ports.out;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.RunFault;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Stores the faults a run met: the database outages it rode out, and later the faults injected on purpose. */
public interface RunFaultPort {

    /** Adds faults to a run's list. */
    void saveFaults(RunId runId, List<RunFault> faults);

    /** In time order, per run; runs without faults are absent. */
    Map<RunId, List<RunFault>> loadFaults(Collection<RunId> runIds);
}
