package dev.queuebench.ports.out;

import dev.queuebench.ports.resources.PoolSample;
import java.util.List;

/** The connection pools of this process, as they are now. */
@FunctionalInterface
public interface PoolMetricsPort {

    List<PoolSample> samplePools();
}
