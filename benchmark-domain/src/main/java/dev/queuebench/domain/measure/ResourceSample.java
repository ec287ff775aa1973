package dev.queuebench.domain.measure;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Everything sampled at one moment of a run. */
public record ResourceSample(Instant sampledAt, JvmSample jvm, List<PoolSample> pools, DatabaseSample database) {

    public ResourceSample {
        Objects.requireNonNull(sampledAt, "sample time is required");
        Objects.requireNonNull(jvm, "JVM sample is required");
        Objects.requireNonNull(database, "database sample is required");
        pools = List.copyOf(pools);
    }
}
