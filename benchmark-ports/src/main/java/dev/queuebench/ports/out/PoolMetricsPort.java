package dev.queuebench.ports.out;

import dev.queuebench.domain.measure.PoolSample;
import java.util.List;

/** The connection pools of this process, as they are now. */
@FunctionalInterface
public interface PoolMetricsPort {

    /** One sample per pool: its name, and its active, idle and waiting connections; empty without pools. */
    List<PoolSample> samplePools();
}
