package dev.queuebench.domain.measure;

import java.util.List;

/**
 * This JVM, and the machine it runs on, at one moment. {@code processCpuLoad} is the share of all cores used by this
 * process, 0 to 1, and {@code hostCpuLoad} the share used by every process of the machine (the library's, the
 * database's), or -1 when the platform does not tell; {@code coreLoads} is each core's share busy, 0 to 1, in the
 * order of {@code /proc/stat}, empty where it does not exist; {@code rssBytes} is -1 where {@code /proc} does not
 * exist. GC figures are cumulative.
 */
public record JvmSample(long heapUsedBytes, long rssBytes, double processCpuLoad, long gcCount, long gcTimeMillis,
                        int liveThreads, double hostCpuLoad, List<Double> coreLoads) {

    public JvmSample {
        coreLoads = List.copyOf(coreLoads);
    }

    /** A sample without each core's load. */
    public JvmSample(long heapUsedBytes, long rssBytes, double processCpuLoad, long gcCount, long gcTimeMillis,
                     int liveThreads, double hostCpuLoad) {
        this(heapUsedBytes, rssBytes, processCpuLoad, gcCount, gcTimeMillis, liveThreads, hostCpuLoad, List.of());
    }

    /** A sample without the machine's load: one stored before it was sampled. */
    public JvmSample(long heapUsedBytes, long rssBytes, double processCpuLoad, long gcCount, long gcTimeMillis,
                     int liveThreads) {
        this(heapUsedBytes, rssBytes, processCpuLoad, gcCount, gcTimeMillis, liveThreads, -1);
    }

    /** The busiest core's share busy, or -1 where each core's load is unknown. */
    public double busiestCoreLoad() {
        return coreLoads.stream().mapToDouble(Double::doubleValue).max().orElse(-1);
    }
}
