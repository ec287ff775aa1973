package dev.queuebench.ports.in;

import dev.queuebench.domain.RunId;
import dev.queuebench.domain.measure.LatencyDistribution;
import dev.queuebench.domain.measure.LatencyKind;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run's latency distributions, every node's merged: to draw (percentile against value) and, for a distribution
 * with no negative value, as HdrHistogram's own percentile-distribution text ({@code .hgrm}, milliseconds), which its
 * plotter reads.
 */
public record RunLatencies(RunId runId, Map<LatencyKind, Latency> byKind) {

    /**
     * @param hgrm HdrHistogram's {@code outputPercentileDistribution} of the samples, in milliseconds; empty when some
     *             are negative, which that format cannot hold
     */
    public record Latency(LatencyDistribution distribution, Optional<String> hgrm) {

        public Latency {
            Objects.requireNonNull(distribution, "distribution is required");
            Objects.requireNonNull(hgrm, "hgrm is required, empty when there is none");
        }
    }

    public RunLatencies {
        Objects.requireNonNull(runId, "run id is required");
        byKind = Map.copyOf(byKind);
        for (LatencyKind kind : LatencyKind.values()) {
            if (!byKind.containsKey(kind)) {
                throw new IllegalArgumentException("the " + kind.label() + " latency is missing");
            }
        }
    }

    public Latency of(LatencyKind kind) {
        return byKind.get(kind);
    }
}
