package dev.queuebench.ports.out;

import dev.queuebench.ports.in.PoolSample;
import java.util.List;

/** The connection pools of this process, as they are now. */
@FunctionalInterface
public interface PoolMetricsPort {

    List<PoolSample> samplePools();
}
