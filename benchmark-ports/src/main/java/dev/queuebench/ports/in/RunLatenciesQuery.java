package dev.queuebench.ports.in;

import dev.queuebench.domain.RunId;
import java.util.Optional;

/** One run's latency distributions, whole rather than as the report's percentiles; empty for an unknown run. */
public interface RunLatenciesQuery {

    Optional<RunLatencies> latencies(RunId runId);
}
