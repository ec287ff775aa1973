package dev.queuebench.ports.out;

import dev.queuebench.domain.RunId;
import java.util.Collection;
import java.util.Map;

/** Stores each run's environment fingerprint: name-value pairs, in the order they were captured. */
public interface RunEnvironmentPort {

    void saveEnvironment(RunId runId, Map<String, String> environment);

    /** Runs without a fingerprint are absent. */
    Map<RunId, Map<String, String>> loadEnvironments(Collection<RunId> runIds);
}
