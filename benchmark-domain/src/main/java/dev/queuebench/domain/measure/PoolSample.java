package dev.queuebench.domain.measure;

import java.util.Objects;

/** One connection pool at one moment: connections in use, idle, and threads waiting for one. */
public record PoolSample(String pool, int active, int idle, int waiting) {

    public PoolSample {
        Objects.requireNonNull(pool, "pool name is required");
    }
}
